import { describe, expect, it } from 'vitest';
import { DEFAULT_INPUTS, sanitize } from '../../../src/lib/models/merge';

/**
 * The merge model's `deferral` given as a number (src/lib/models/merge.ts, sanitize): only a positive number is
 * also a threshold; zero switches deferral off, and neither zero nor a negative number moves the threshold.
 */
describe('merge model: deferral given as a number', () => {
  it('keeps the default threshold when deferral is 0', () => {
    expect(sanitize({ deferral: 0 })).toMatchObject({ deferral: false, deferThreshold: DEFAULT_INPUTS.deferThreshold });
  });

  it('keeps the default threshold when deferral is negative', () => {
    expect(sanitize({ deferral: -5 }).deferThreshold).toBe(DEFAULT_INPUTS.deferThreshold);
  });

  it('lets a threshold given on its own win over the number', () => {
    expect(sanitize({ deferral: 250, deferThreshold: 40 })).toMatchObject({ deferral: true, deferThreshold: 40 });
  });
});

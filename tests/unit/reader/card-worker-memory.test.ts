import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

// resvg holds each picture's pixels (1200 × 630 × 4 bytes, 3 MB) in native memory until the object that holds
// them is collected and its finalizer has run from the event loop. A thread drawing its cards back to back in one
// chain of promises never gets there, and a 500-page build held 1.5 GB of pictures already sent.
describe('a card thread drawing many cards', () => {
  it('frees each picture once sent: 120 cards raise the memory by far less than the 360 MB of their pixels', () => {
    const risen = Number(
      execFileSync(process.execPath, ['tests/support/card-memory.ts', '120'], { encoding: 'utf8', timeout: 60_000 }),
    );
    expect(risen).toBeGreaterThan(0);
    expect(risen).toBeLessThan(240);
  }, 90_000);
});

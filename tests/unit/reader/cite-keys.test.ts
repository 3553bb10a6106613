import { describe, expect, it } from 'vitest';
import { bibtexKey } from '../../../src/lib/cite';

describe('BibTeX keys', () => {
  it('have no dash at either end of a part, whatever the name starts or ends with', () => {
    const key = bibtexKey('  “Open Connect” & FreeBSD! ', '(draft)/kernel-tls?');
    expect(key).toBe('open-connect-freebsd:draft/kernel-tls');
    for (const part of key.split(/[:/]/)) expect(part).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

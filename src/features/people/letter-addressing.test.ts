import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordReference } from './letter-addressing.ts';

describe('a record reference', () => {
  it('is SD- and the first eight characters of the record id, in capitals', () => {
    expect(recordReference('1f0c93ab-4d2e-4c1a-9b7f-0a1b2c3d4e5f')).toBe('SD-1F0C93AB');
  });

  it('is the same for the same record and never holds the whole id', () => {
    fc.assert(
      fc.property(fc.uuid(), (id) => {
        const reference = recordReference(id);
        expect(reference).toMatch(/^SD-[0-9A-F]{8}$/);
        expect(recordReference(id)).toBe(reference);
        expect(reference.toLowerCase()).not.toContain(id.toLowerCase());
      }),
    );
  });
});

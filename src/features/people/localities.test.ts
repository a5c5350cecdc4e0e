import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localityCode, localityName, localityNameErrors, personLocalityError } from './localities.ts';

describe('a locality’s code', () => {
  it('is made of lower-case letters, digits and dashes, and never one the council already has', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string({ maxLength: 12 }), { maxLength: 8 }), (name, taken) => {
        const code = localityCode(name, taken);
        expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(code.length).toBeLessThanOrEqual(40);
        expect(taken).not.toContain(code);
      }),
    );
    expect(localityCode('North Locality', [])).toBe('north-locality');
    expect(localityCode('North Locality', ['north-locality'])).toBe('north-locality-2');
  });
});

describe('a locality’s name', () => {
  const existing = [{ id: '1', name: 'North Locality' }];
  it('must be given, short, and not another locality’s', () => {
    expect(localityNameErrors(' ', existing)[0]?.message).toBe('Enter the name of the locality');
    expect(localityNameErrors('x'.repeat(101), existing)[0]?.field).toBe('name');
    expect(localityNameErrors('north  locality', existing)[0]?.message).toBe(
      'There is already a locality called North Locality',
    );
    expect(localityNameErrors('North Locality', existing, '1')).toEqual([]);
  });
});

describe('the locality on a person’s record', () => {
  const localities = [
    { code: 'north', name: 'North Locality', active: true },
    { code: 'old', name: 'Old Town', active: false },
  ];
  it('is free text where the council has no localities', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(personLocalityError(text, { localities: [] })).toBeNull();
      }),
    );
  });
  it('is one of the active localities, or what the record already held', () => {
    expect(personLocalityError('north', { localities })).toBeNull();
    expect(personLocalityError(null, { localities })).toBeNull();
    expect(personLocalityError('old', { localities })?.field).toBe('locality');
    expect(personLocalityError('old', { localities, current: 'old' })).toBeNull();
    expect(personLocalityError('North Locality', { localities, current: 'North Locality' })).toBeNull();
    expect(personLocalityError('Somewhere', { localities })).toEqual({
      field: 'locality',
      message: 'Select a locality from the list',
    });
  });
  it('is shown by its name, or as written when it is older free text', () => {
    expect(localityName('north', localities)).toBe('North Locality');
    expect(localityName('Leith', localities)).toBe('Leith');
    expect(localityName(null, localities)).toBeNull();
  });
});

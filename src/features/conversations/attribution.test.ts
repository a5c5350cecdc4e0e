import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attributionLine, byVoice, whoSaid, whoTyped } from './attribution.ts';
import { SAID_BY_CODES } from './lists.ts';

describe('whose words these are, in words', () => {
  it('names who said it and who typed it', () => {
    const typed = { typedBy: { name: 'Sam Okafor', role: 'worker' } };
    expect(attributionLine({ saidBy: 'person', saidByName: null, ...typed }, 'Callum')).toBe(
      'Said by Callum · typed by Sam Okafor (social worker)',
    );
    expect(
      attributionLine(
        {
          saidBy: 'representative',
          saidByName: 'Fiona Reid',
          typedBy: { name: 'Fiona Reid', role: 'representative' },
        },
        'Callum',
      ),
    ).toBe('Said by Fiona Reid (representative) · typed by Fiona Reid (representative)');
    expect(attributionLine({ saidBy: 'family', saidByName: null, typedBy: null }, 'Callum')).toBe(
      'Said by a family member or friend · who typed it was not recorded',
    );
    expect(whoTyped({ name: 'Morag Campbell', role: 'person' })).toBe('Morag Campbell');
  });
  it('never names the person as the speaker of words someone else said', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SAID_BY_CODES),
        fc.option(fc.oneof(fc.constant('Callum Reid'), fc.string({ maxLength: 10 })), { nil: null }),
        (saidBy, saidByName) => {
          const said = whoSaid({ saidBy, saidByName }, 'Callum Reid');
          expect(said === 'Callum Reid').toBe(saidBy === 'person');
        },
      ),
    );
  });
  it('keeps the person’s own words apart from everyone else’s', () => {
    const words = (saidBy: string) => ({ saidBy, saidByName: null, typedBy: null });
    const { own, others } = byVoice([words('person'), words('representative'), words('person')], 'Callum');
    expect(own.map((w) => w.saidBy)).toEqual(['person', 'person']);
    expect(others.map((w) => w.attribution)).toEqual([
      'Said by their representative · who typed it was not recorded',
    ]);
  });
});

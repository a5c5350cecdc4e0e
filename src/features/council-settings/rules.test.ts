import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  codeFromLabel,
  councilDetailsErrors,
  detailChanges,
  fundingStreamErrors,
  isUkPhone,
  nationalStreams,
  normaliseDetails,
  retireRefusal,
  streamChoiceError,
  streamLabel,
} from './rules.ts';

const blank = {
  addressLine1: '',
  addressLine2: '',
  town: '',
  postcode: '',
  phone: '',
  email: '',
  website: '',
  howToContact: '',
};

describe('funding streams', () => {
  const streams = nationalStreams();

  it('makes a code from a name, and every code it makes is one the rules accept', () => {
    expect(codeFromLabel('Carers’ short breaks fund')).toBe('carers_short_breaks_fund');
    expect(codeFromLabel('  2027 Winter  pressures! ')).toBe('winter_pressures');
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (label) => {
        const code = codeFromLabel(label);
        const errors = fundingStreamErrors({ label, description: '' }, []);
        if (code !== '' && label.trim() !== '' && label.length <= 500 && !label.includes('\u0000'))
          expect(errors.filter((e) => e.field === 'code')).toEqual([]);
        expect(code).toMatch(/^([a-z][a-z0-9_]{0,59})?$/);
      }),
    );
  });

  it('refuses an empty, duplicate, over-long or unstorable name, and a bad or used code', () => {
    const fields = (input: Parameters<typeof fundingStreamErrors>[0]) =>
      fundingStreamErrors(input, streams).map((e) => e.field);
    expect(fields({ label: ' ', description: '' })).toEqual(['label']);
    expect(fields({ label: 'housing SUPPORT', description: '' })).toEqual(['label', 'code']);
    expect(fields({ label: 'x'.repeat(501), description: '' })).toEqual(['label']);
    expect(fields({ label: 'Fund\u0000', description: '' })).toEqual(['label']);
    expect(fields({ label: 'Fund', description: 'y'.repeat(501) })).toEqual(['description']);
    expect(fields({ label: 'Fund', code: 'Bad Code', description: '' })).toEqual(['code']);
    expect(fields({ label: 'Fund', code: 'health', description: '' })).toEqual(['code']);
    expect(fields({ label: '!!!', description: '' })).toEqual(['code']);
    expect(fields({ label: 'Carers fund', description: 'For breaks' })).toEqual([]);
  });

  it('lets a stream keep its own name when renamed', () => {
    expect(fundingStreamErrors({ label: 'Health', description: '' }, streams, 'health')).toEqual([]);
    expect(
      fundingStreamErrors({ label: 'Housing support', description: '' }, streams, 'health'),
    ).toHaveLength(1);
  });

  it('offers only streams in use, names a retired one, and never retires council social care', () => {
    const retired = streams.map((s) => (s.code === 'equipment' ? { ...s, active: false } : s));
    expect(streamChoiceError('health', retired)).toBeNull();
    expect(streamChoiceError('lottery', retired)).toBe('Select a funding stream from the list');
    expect(streamChoiceError('equipment', retired)).toMatch(/Community equipment is no longer used/);
    expect(streamLabel('equipment', retired)).toBe('Community equipment');
    expect(streamLabel('old_fund', retired)).toBe('old fund');
    expect(retireRefusal(streams[0]!)).toMatch(/cannot be retired/);
    expect(retireRefusal(streams[1]!)).toBeNull();
  });
});

describe('letter contact details', () => {
  it('tidies what is typed: blanks to nothing, postcode in capitals, a website with https', () => {
    expect(
      normaliseDetails({
        ...blank,
        addressLine1: ' 1  High St ',
        postcode: 'eh11aa',
        website: 'www.x.gov.uk',
      }),
    ).toMatchObject({
      addressLine1: '1 High St',
      postcode: 'EH1 1AA',
      website: 'https://www.x.gov.uk',
      phone: null,
    });
  });

  it('names each field typed in the wrong format', () => {
    const errors = councilDetailsErrors({
      ...blank,
      addressLine1: '1 High St',
      postcode: 'not a postcode',
      phone: '12345',
      email: 'nobody',
      website: 'not a web address',
      howToContact: 'z'.repeat(1001),
    });
    expect(errors.map((e) => e.field)).toEqual(['howToContact', 'postcode', 'phone', 'email', 'website']);
    expect(councilDetailsErrors({ ...blank, town: 'Perth' }).map((e) => e.field)).toEqual(['addressLine1']);
    expect(councilDetailsErrors({ ...blank, phone: 'a\u0000' }).map((e) => e.field)).toEqual(['phone']);
    expect(
      councilDetailsErrors({
        ...blank,
        addressLine1: '2 Rose St',
        town: 'Edinburgh',
        postcode: 'eh2 2yq',
        phone: '0131 200 2000',
        email: 'care@demo.gov.uk',
        website: 'https://demo.gov.uk/care',
      }),
    ).toEqual([]);
  });

  it('accepts UK phone numbers however they are spaced, and nothing else', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^0[1-9]\d{8,9}$/), fc.boolean(), (number, spaced) => {
        const typed = spaced ? `${number.slice(0, 4)} ${number.slice(4)}` : number;
        expect(isUkPhone(typed)).toBe(true);
        expect(isUkPhone(`${typed}x`)).toBe(false);
      }),
    );
    expect(isUkPhone('+44 131 200 2000')).toBe(true);
    expect(isUkPhone('999')).toBe(false);
  });

  it('lists every field with whether it changed', () => {
    const before = normaliseDetails({ ...blank, phone: '0131 200 2000' });
    const after = normaliseDetails({ ...blank, phone: '0131 200 3000' });
    const changes = detailChanges(before, after);
    expect(changes).toHaveLength(8);
    expect(changes.filter((c) => c.changed)).toEqual([
      {
        field: 'phone',
        label: 'Phone number',
        before: '0131 200 2000',
        after: '0131 200 3000',
        changed: true,
      },
    ]);
  });
});

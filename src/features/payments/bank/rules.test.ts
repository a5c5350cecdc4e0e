import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type BankPayment,
  bacsStandard18Lines,
  maskAccountNumber,
  paymentCsvRows,
  penceToDecimalPounds,
  toBacsText,
  validateAccountNumber,
  validateSortCode,
} from './rules.ts';

const originator = { name: 'Anytown Council DP', sortCode: '40-11-22', accountNumber: '87654321' };
const payment: BankPayment = {
  sortCode: '12-34-56',
  accountNumber: '1234 5678',
  accountName: "Zoë O'Brien-Smith",
  amount: 21_429,
  reference: 'DP a1 2026-04-06',
};

describe('bank details', () => {
  it.each(['123456', '12-34-56', '12 34 56', ' 12-34-56 '])('accepts sort code %j', (input) => {
    expect(validateSortCode(input)).toEqual({ ok: true, value: '123456' });
  });

  it.each(['12345', '1234567', '12-34 56', 'ab-cd-ef', ''])('refuses sort code %j', (input) => {
    expect(validateSortCode(input).ok).toBe(false);
  });

  it('wants all 8 digits of an account number, and says why for shorter ones', () => {
    expect(validateAccountNumber('1234 5678')).toEqual({ ok: true, value: '12345678' });
    const short = validateAccountNumber('1234567');
    expect(short.ok).toBe(false);
    if (!short.ok) expect(short.message).toContain('all 8 digits');
    expect(validateAccountNumber('123456789').ok).toBe(false);
    expect(validateAccountNumber('1234567a').ok).toBe(false);
  });

  it('masks all but the last four digits', () => {
    expect(maskAccountNumber('12345678')).toBe('****5678');
  });
});

describe('BACS text', () => {
  it('upper-cases and keeps only the BACS characters', () => {
    expect(toBacsText("Zoë O'Brien-Smith")).toBe('ZOE OBRIEN-SMITH');
    expect(toBacsText('=cmd|x! & co. 1/2')).toBe('CMD X & CO. 1/2');
    expect(toBacsText('-danger')).toBe('DANGER');
  });

  it('only ever produces allowed characters', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(toBacsText(text)).toMatch(/^(?:[A-Z0-9.&/][A-Z0-9.&/\- ]*)?$/);
      }),
    );
  });
});

describe('bacsStandard18Lines', () => {
  it('writes one 100-character Standard 18 credit record per payment', () => {
    const result = bacsStandard18Lines([payment], originator);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [line] = result.lines;
    expect(line).toHaveLength(100);
    expect(line!.slice(0, 6)).toBe('123456');
    expect(line!.slice(6, 14)).toBe('12345678');
    expect(line!.slice(14, 15)).toBe('0');
    expect(line!.slice(15, 17)).toBe('99');
    expect(line!.slice(17, 23)).toBe('401122');
    expect(line!.slice(23, 31)).toBe('87654321');
    expect(line!.slice(31, 35)).toBe('    ');
    expect(line!.slice(35, 46)).toBe('00000021429');
    expect(line!.slice(46, 64)).toBe('ANYTOWN COUNCIL DP');
    expect(line!.slice(64, 82)).toBe('DP A1 2026-04-06  ');
    expect(line!.slice(82, 100)).toBe('ZOE OBRIEN-SMITH  ');
    expect(result.total).toBe(21_429);
    expect(result.count).toBe(1);
  });

  it('refuses the whole file when any payment or the originator is wrong', () => {
    const result = bacsStandard18Lines([payment, { ...payment, accountNumber: '123456', amount: 0 }], {
      ...originator,
      sortCode: '1',
    });
    expect(result.ok ? [] : result.problems.map((p) => `${p.index}:${p.field}`)).toEqual([
      '1:accountNumber',
      '1:amount',
      '-1:originator.sortCode',
    ]);
  });

  it('always writes fixed-width lines whose amounts add up to the total', () => {
    const paymentArb = fc.record({
      sortCode: fc.stringMatching(/^\d{6}$/),
      accountNumber: fc.stringMatching(/^\d{8}$/),
      accountName: fc.string({ minLength: 1 }).map((s) => `A${s}`),
      amount: fc.integer({ min: 1, max: 99_999_999_999 }),
      reference: fc.string().map((s) => `R${s}`),
    });
    fc.assert(
      fc.property(fc.array(paymentArb, { maxLength: 20 }), (payments) => {
        const result = bacsStandard18Lines(payments, originator);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        for (const line of result.lines) expect(line).toHaveLength(100);
        const sum = result.lines.reduce((s, l) => s + Number(l.slice(35, 46)), 0);
        expect(sum).toBe(result.total);
      }),
    );
  });
});

describe('paymentCsvRows', () => {
  it('gives a header and one row per payment, amounts in pounds with two decimals', () => {
    const result = paymentCsvRows([payment, { ...payment, amount: 5 }]);
    expect(result).toEqual({
      ok: true,
      rows: [
        ['Sort code', 'Account number', 'Account name', 'Amount', 'Reference'],
        ['123456', '12345678', 'ZOE OBRIEN-SMITH', '214.29', 'DP A1 2026-04-06'],
        ['123456', '12345678', 'ZOE OBRIEN-SMITH', '0.05', 'DP A1 2026-04-06'],
      ],
    });
    expect(paymentCsvRows([{ ...payment, sortCode: 'x' }]).ok).toBe(false);
  });

  it('writes pence as pounds exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (pence) => {
        expect(Math.round(Number(penceToDecimalPounds(pence)) * 100)).toBe(pence);
        expect(penceToDecimalPounds(pence)).toMatch(/^-?\d+\.\d{2}$/);
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DataKey } from '../../../config.ts';
import {
  type BankDetails,
  BankDetailsUnreadable,
  bankKeys,
  decryptBankDetails,
  encryptBankDetails,
  encryptBankDetailsV1,
  needsResealing,
  sealedWith,
} from './crypto.ts';

const keyId = fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/);
const dataKey = fc.record({ id: keyId, key: fc.uint8Array({ minLength: 32, maxLength: 32 }) });
/** One to four keys with different ids, the first current. */
const ring = fc
  .uniqueArray(dataKey, { minLength: 1, maxLength: 4, selector: (k) => k.id })
  .map((keys): DataKey[] => keys.map((k) => ({ id: k.id, key: Buffer.from(k.key) })));
const details: fc.Arbitrary<BankDetails> = fc.record({
  sortCode: fc.stringMatching(/^\d{6}$/),
  accountNumber: fc.stringMatching(/^\d{8}$/),
  accountName: fc.string({ maxLength: 40 }),
});
const secret = 's'.repeat(40);

describe('bank details sealed with data keys', () => {
  it('open to what was sealed, under any key ring, naming the current key', () => {
    fc.assert(
      fc.property(ring, details, (dataKeys, bank) => {
        const keys = bankKeys({ dataKeys, sessionSecret: secret });
        const stored = encryptBankDetails(bank, keys);
        expect(stored.startsWith(`v2:${dataKeys[0]!.id}:`)).toBe(true);
        expect(sealedWith(stored)).toBe(dataKeys[0]!.id);
        expect(stored).not.toContain(bank.accountNumber);
        expect(decryptBankDetails(stored, keys)).toEqual(bank);
        expect(needsResealing(stored, keys)).toBe(false);
      }),
    );
  });

  it('open text sealed under an older key still in the ring, and say it needs re-sealing', () => {
    fc.assert(
      fc.property(ring, dataKey, details, (older, newest, bank) => {
        fc.pre(!older.some((k) => k.id === newest.id));
        const before = bankKeys({ dataKeys: older, sessionSecret: secret });
        const stored = encryptBankDetails(bank, before);
        const after = bankKeys({
          dataKeys: [{ id: newest.id, key: Buffer.from(newest.key) }, ...older],
          sessionSecret: secret,
        });
        expect(decryptBankDetails(stored, after)).toEqual(bank);
        expect(needsResealing(stored, after)).toBe(true);
      }),
    );
  });

  it('refuse, clearly, text under a key that was removed', () => {
    fc.assert(
      fc.property(ring, dataKey, details, (kept, removed, bank) => {
        fc.pre(!kept.some((k) => k.id === removed.id));
        const old = bankKeys({
          dataKeys: [{ id: removed.id, key: Buffer.from(removed.key) }],
          sessionSecret: secret,
        });
        const stored = encryptBankDetails(bank, old);
        const now = bankKeys({ dataKeys: kept, sessionSecret: secret });
        expect(() => decryptBankDetails(stored, now)).toThrow(BankDetailsUnreadable);
        expect(() => decryptBankDetails(stored, now)).toThrow(
          `data key “${removed.id}”, which is not in DATA_KEYS`,
        );
      }),
    );
  });

  it('refuse text that was changed anywhere, whatever the change', () => {
    fc.assert(
      fc.property(ring, details, fc.nat(), fc.integer({ min: 1, max: 63 }), (dataKeys, bank, at, flip) => {
        const keys = bankKeys({ dataKeys, sessionSecret: secret });
        const stored = encryptBankDetails(bank, keys);
        const prefix = `v2:${dataKeys[0]!.id}:`.length;
        const i = prefix + (at % (stored.length - prefix));
        const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
        const replaced = alphabet[(alphabet.indexOf(stored[i]!) + flip) % 64] ?? 'A';
        const tampered = stored.slice(0, i) + replaced + stored.slice(i + 1);
        fc.pre(tampered !== stored);
        let opened: BankDetails | null = null;
        try {
          opened = decryptBankDetails(tampered, keys);
        } catch (error) {
          expect(error).toBeInstanceOf(BankDetailsUnreadable);
        }
        // A change to base64 padding bits can decode to the same bytes: then it is the same text.
        if (opened) expect(opened).toEqual(bank);
      }),
    );
  });

  it('refuse text that is not sealed bank details at all', () => {
    const keys = bankKeys({ dataKeys: [{ id: 'k', key: Buffer.alloc(32, 1) }], sessionSecret: secret });
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(() => decryptBankDetails(text, keys)).toThrow(BankDetailsUnreadable);
      }),
    );
    expect(() => decryptBankDetails('synthetic:no-bank-details', keys)).toThrow(
      /unknown bank details format/,
    );
  });

  it('keep v1 text (sealed from SESSION_SECRET) readable while SESSION_SECRET is set', () => {
    const bank = { sortCode: '608371', accountNumber: '31926819', accountName: 'Morag Campbell' };
    const stored = encryptBankDetailsV1(bank, secret);
    const dataKeys = [{ id: 'k', key: Buffer.alloc(32, 1) }];
    expect(decryptBankDetails(stored, bankKeys({ dataKeys, sessionSecret: secret }))).toEqual(bank);
    expect(needsResealing(stored, bankKeys({ dataKeys, sessionSecret: secret }))).toBe(true);
    expect(() => decryptBankDetails(stored, bankKeys({ dataKeys, sessionSecret: 't'.repeat(40) }))).toThrow(
      BankDetailsUnreadable,
    );
    expect(() => decryptBankDetails(stored, bankKeys({ dataKeys, sessionSecret: '' }))).toThrow(
      /need SESSION_SECRET/,
    );
  });
});

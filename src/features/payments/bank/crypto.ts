import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { Config, DataKey } from '../../../config.ts';

/**
 * Bank details at rest: AES-256-GCM under a data key of their own (DATA_KEYS), so a copy of the
 * database alone never reveals an account number, and changing SESSION_SECRET (which signs
 * cookies) no longer touches them. The stored text names the key it was sealed with:
 *
 *   v2:<key id>:<iv>:<tag>:<body>   sealed with the data key called <key id>
 *   v1:<iv>:<tag>:<body>            the older form, under a key derived from SESSION_SECRET
 *
 * The first data key seals; every key in DATA_KEYS is tried by its id for reading, and v1 text
 * stays readable while SESSION_SECRET is set. `selfdirect rotate-data-key` moves everything onto
 * the first key, after which an old key can be removed. Text under a key that is no longer
 * configured, or text that was changed, is refused: no payment can go to a wrong account.
 */
export interface BankDetails {
  sortCode: string;
  accountNumber: string;
  accountName: string;
}

/** The keys bank details are sealed and opened with: made once from the configuration. */
export interface BankKeys {
  /** Seals every new value. */
  readonly current: DataKey;
  /** Every configured data key by id, the current one included. */
  readonly byId: ReadonlyMap<string, Buffer>;
  /** The SESSION_SECRET-derived key v1 text was sealed with, when SESSION_SECRET is set. */
  readonly legacy: Buffer | null;
}

export class BankDetailsUnreadable extends Error {}

function legacyKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'selfdirect-bank-details', 'aes-256-gcm v1', 32));
}

/** The key ring from the configuration: call once (start-up, a command) and pass it on. */
export function bankKeys(config: Pick<Config, 'dataKeys' | 'sessionSecret'>): BankKeys {
  const [current] = config.dataKeys;
  if (!current) throw new Error('DATA_KEYS holds no key');
  return {
    current,
    byId: new Map(config.dataKeys.map((k) => [k.id, k.key])),
    legacy: config.sessionSecret ? legacyKey(config.sessionSecret) : null,
  };
}

function seal(details: BankDetails, key: Buffer): string[] {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(details), 'utf8'), cipher.final()]);
  return [iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')];
}

/** Seal bank details under the current data key, as text to store. */
export function encryptBankDetails(details: BankDetails, keys: BankKeys): string {
  return ['v2', keys.current.id, ...seal(details, keys.current.key)].join(':');
}

/**
 * The key a stored value names: its data key id, `'v1'` for the SESSION_SECRET form, or null
 * when the text is not sealed bank details at all.
 */
export function sealedWith(stored: string): string | null {
  const parts = stored.split(':');
  if (parts[0] === 'v2' && parts.length === 5 && parts[1]) return parts[1];
  if (parts[0] === 'v1' && parts.length === 4) return 'v1';
  return null;
}

/** True when the value is not sealed with the current key (so rotation would re-seal it). */
export function needsResealing(stored: string, keys: BankKeys): boolean {
  return sealedWith(stored) !== keys.current.id;
}

function open(key: Buffer, iv: string, tag: string, body: string): BankDetails {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    const text = Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString(
      'utf8',
    );
    const parsed = JSON.parse(text) as BankDetails;
    if (typeof parsed?.sortCode !== 'string' || typeof parsed.accountNumber !== 'string')
      throw new Error('not bank details');
    return parsed;
  } catch {
    throw new BankDetailsUnreadable('bank details cannot be read: the text was changed or the key is wrong');
  }
}

/** Open stored bank details with the key they name; refuses (BankDetailsUnreadable) clearly otherwise. */
export function decryptBankDetails(stored: string, keys: BankKeys): BankDetails {
  const parts = stored.split(':');
  const keyId = sealedWith(stored);
  if (keyId === null) throw new BankDetailsUnreadable('unknown bank details format');
  // The form decides, not the id: a data key may itself be called "v1" (text `v2:v1:…`).
  if (parts[0] === 'v1') {
    if (!keys.legacy)
      throw new BankDetailsUnreadable('bank details sealed with SESSION_SECRET (v1) need SESSION_SECRET set');
    return open(keys.legacy, parts[1]!, parts[2]!, parts[3]!);
  }
  const key = keys.byId.get(keyId);
  if (!key)
    throw new BankDetailsUnreadable(
      `bank details sealed with data key “${keyId}”, which is not in DATA_KEYS (was it removed before rotate-data-key ran?)`,
    );
  return open(key, parts[2]!, parts[3]!, parts[4]!);
}

/** The v1 form, for tests and the rotation test only: what databases before DATA_KEYS hold. */
export function encryptBankDetailsV1(details: BankDetails, sessionSecret: string): string {
  return ['v1', ...seal(details, legacyKey(sessionSecret))].join(':');
}

import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Bank details at rest: AES-256-GCM with a key derived from the session secret by HKDF, so
 * a copy of the database alone never reveals an account number. The stored text names its
 * key version ("v1:…") so the key can be rotated later without guessing.
 *
 * Changing SESSION_SECRET makes stored bank details unreadable: they must then be entered
 * again. That is the safe failure (no payment can go to a wrong account).
 */
export interface BankDetails {
  sortCode: string;
  accountNumber: string;
  accountName: string;
}

const VERSION = 'v1';

export function bankKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'selfdirect-bank-details', 'aes-256-gcm v1', 32));
}

export function encryptBankDetails(details: BankDetails, key: Buffer): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(details), 'utf8'), cipher.final()]);
  return [
    VERSION,
    iv.toString('base64'),
    cipher.getAuthTag().toString('base64'),
    body.toString('base64'),
  ].join(':');
}

export class BankDetailsUnreadable extends Error {}

export function decryptBankDetails(stored: string, key: Buffer): BankDetails {
  const [version, iv, tag, body] = stored.split(':');
  if (version !== VERSION || !iv || !tag || !body)
    throw new BankDetailsUnreadable('unknown bank details format');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    const text = Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString(
      'utf8',
    );
    return JSON.parse(text) as BankDetails;
  } catch {
    throw new BankDetailsUnreadable(
      'bank details cannot be read with this key (was SESSION_SECRET changed?)',
    );
  }
}

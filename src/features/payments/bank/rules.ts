/**
 * Bank details and bank payment files.
 *
 * The BACS file written here is the body of a Standard 18 submission only: one 100-character
 * payment record per line, with no VOL/HDR1/HDR2/UHL1 labels, no contra record and no
 * EOF/UTL trailers. That "payment lines" file is what bureau software (and most banks'
 * import screens) accept and wrap with the labels, contra and service-user number itself.
 * We do not hold a BACS service-user number, so we do not pretend to write a full file.
 *
 * Standard 18 payment record, 100 characters (positions are 1-based):
 *   1–6    destination sort code            6 digits
 *   7–14   destination account number       8 digits
 *   15     destination account type         '0'
 *   16–17  transaction code                 '99' (a direct credit)
 *   18–23  originating sort code            6 digits
 *   24–31  originating account number       8 digits
 *   32–35  free format                      4 spaces
 *   36–46  amount in pence                  11 digits, zero-padded
 *   47–64  originator (service user) name   18 characters
 *   65–82  payment reference                18 characters
 *   83–100 destination account name         18 characters
 * The optional processing-day field (positions 101–106) is left off: the bureau sets the day.
 */

import { assertPence, type Pence, penceToDecimalPounds, sumPence } from '../../../platform/money/index.ts';

export type BankCheck = { ok: true; value: string } | { ok: false; message: string };

export interface BankPayment {
  sortCode: string;
  accountNumber: string;
  accountName: string;
  amount: Pence;
  reference: string;
}

export interface Originator {
  name: string;
  sortCode: string;
  accountNumber: string;
}

/** 6 digits, written as 123456, 12-34-56 or 12 34 56. Returns the 6 digits. */
export function validateSortCode(input: string): BankCheck {
  const match = /^(\d{2})([- ]?)(\d{2})\2(\d{2})$/.exec(input.trim());
  if (!match) return { ok: false, message: 'Enter a sort code of 6 digits, like 12-34-56.' };
  return { ok: true, value: `${match[1]}${match[3]}${match[4]}` };
}

/**
 * 8 digits (spaces allowed). Some banks issue 6- or 7-digit numbers and pad them to 8 for
 * payments; we do not guess the padding, because a wrong guess sends money to a stranger.
 */
export function validateAccountNumber(input: string): BankCheck {
  const digits = input.replaceAll(' ', '');
  if (/^\d{8}$/.test(digits)) return { ok: true, value: digits };
  if (/^\d{6,7}$/.test(digits)) {
    return {
      ok: false,
      message:
        'Enter all 8 digits of the account number. If your account number is shorter, ask your bank for the 8-digit version they use for payments.',
    };
  }
  return { ok: false, message: 'Enter an account number of 8 digits, like 12345678.' };
}

/** Shows only the last 4 digits, e.g. '****5678'. */
export function maskAccountNumber(accountNumber: string): string {
  const digits = accountNumber.replaceAll(' ', '');
  return `****${digits.slice(-4)}`;
}

/**
 * Upper case, restricted to the BACS character set (A–Z 0–9 . & / - and space). Accents are
 * dropped ("Zoë" → "ZOE"), apostrophes removed ("O'Brien" → "OBRIEN"), anything else becomes
 * a space. Leading hyphens are removed so a spreadsheet never reads a name as a formula.
 */
export function toBacsText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/['’]/g, '')
    .replace(/[^A-Z0-9.&/\- ]/g, ' ')
    .replace(/ +/g, ' ')
    .replace(/^[- ]+/, '')
    .trimEnd();
}

function field(text: string, width: number): string {
  return toBacsText(text).slice(0, width).padEnd(width, ' ');
}

export interface BankFileProblem {
  index: number;
  field: string;
  message: string;
}

export type BankFileResult =
  | { ok: true; lines: string[]; count: number; total: Pence }
  | { ok: false; problems: BankFileProblem[] };

const MAX_AMOUNT = 99_999_999_999;

function checkPayments(payments: readonly BankPayment[]): BankFileProblem[] {
  const problems: BankFileProblem[] = [];
  payments.forEach((p, index) => {
    const sort = validateSortCode(p.sortCode);
    if (!sort.ok) problems.push({ index, field: 'sortCode', message: sort.message });
    const account = validateAccountNumber(p.accountNumber);
    if (!account.ok) problems.push({ index, field: 'accountNumber', message: account.message });
    if (!Number.isSafeInteger(p.amount) || p.amount <= 0 || p.amount > MAX_AMOUNT) {
      problems.push({ index, field: 'amount', message: 'The amount must be whole pence above zero.' });
    }
    if (toBacsText(p.accountName) === '') {
      problems.push({ index, field: 'accountName', message: 'Enter the name on the account.' });
    }
    if (toBacsText(p.reference) === '') {
      problems.push({ index, field: 'reference', message: 'Enter a payment reference.' });
    }
  });
  return problems;
}

/** Standard 18 payment lines (see the layout above); refuses the whole file if any line is wrong. */
export function bacsStandard18Lines(
  payments: readonly BankPayment[],
  originator: Originator,
): BankFileResult {
  const problems = checkPayments(payments);
  const fromSort = validateSortCode(originator.sortCode);
  if (!fromSort.ok) problems.push({ index: -1, field: 'originator.sortCode', message: fromSort.message });
  const fromAccount = validateAccountNumber(originator.accountNumber);
  if (!fromAccount.ok)
    problems.push({ index: -1, field: 'originator.accountNumber', message: fromAccount.message });
  if (toBacsText(originator.name) === '') {
    problems.push({ index: -1, field: 'originator.name', message: 'Enter the originator name.' });
  }
  if (problems.length > 0 || !fromSort.ok || !fromAccount.ok) return { ok: false, problems };

  const lines = payments.map((p) => {
    const sort = validateSortCode(p.sortCode) as { value: string };
    const account = validateAccountNumber(p.accountNumber) as { value: string };
    return [
      sort.value,
      account.value,
      '0',
      '99',
      fromSort.value,
      fromAccount.value,
      '    ',
      String(assertPence(p.amount)).padStart(11, '0'),
      field(originator.name, 18),
      field(p.reference, 18),
      field(p.accountName, 18),
    ].join('');
  });
  return { ok: true, lines, count: lines.length, total: sumPence(payments.map((p) => p.amount)) };
}

export const PAYMENT_CSV_HEADERS = [
  'Sort code',
  'Account number',
  'Account name',
  'Amount',
  'Reference',
] as const;

export { penceToDecimalPounds };

/** Header row then one row per payment; text cleaned as for BACS. Refuses invalid payments. */
export function paymentCsvRows(
  payments: readonly BankPayment[],
): { ok: true; rows: string[][] } | { ok: false; problems: BankFileProblem[] } {
  const problems = checkPayments(payments);
  if (problems.length > 0) return { ok: false, problems };
  const rows = payments.map((p) => [
    (validateSortCode(p.sortCode) as { value: string }).value,
    (validateAccountNumber(p.accountNumber) as { value: string }).value,
    toBacsText(p.accountName),
    penceToDecimalPounds(p.amount),
    toBacsText(p.reference),
  ]);
  return { ok: true, rows: [[...PAYMENT_CSV_HEADERS], ...rows] };
}

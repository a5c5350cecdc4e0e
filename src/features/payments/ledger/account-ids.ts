/**
 * Ledger accounts: each is named by its kind and its owner (a person, provider or council),
 * so an account id reads plainly in logs and exports, e.g. "person_dp_account:p-123".
 */

/** The kinds of account, with the plain words a finance officer or the person reads. */
export const ACCOUNT_KIND_LABELS = {
  council_dp_fund: "Council's direct-payment fund",
  person_dp_account: "Person's direct-payment account",
  provider_payable: 'Money owed to a provider',
  contributions_receivable: 'Contributions the person owes',
  recovered_surplus: 'Surplus recovered by the council',
  bank_clearing: 'Money on its way through the bank',
} as const;

export type AccountKind = keyof typeof ACCOUNT_KIND_LABELS;

/** An account is named by its kind and owner, e.g. "person_dp_account:p-123". */
export type AccountId = `${AccountKind}:${string}`;

export function accountId(kind: AccountKind, owner: string): AccountId {
  if (owner.length === 0) throw new RangeError('an account needs an owner');
  return `${kind}:${owner}`;
}

export function accountKindOf(account: AccountId): AccountKind {
  return account.slice(0, account.indexOf(':')) as AccountKind;
}

export function accountLabel(account: AccountId): string {
  return `${ACCOUNT_KIND_LABELS[accountKindOf(account)]} (${account.slice(account.indexOf(':') + 1)})`;
}

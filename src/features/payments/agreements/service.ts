import { asc, eq, sql } from 'drizzle-orm';
import type { PersonAccess } from '../../../platform/auth/access.ts';
import { audited } from '../../../platform/audit/index.ts';
import type { Db, Tx } from '../../../platform/db/client.ts';
import { addDays, compareDates, isIsoDate, todayInLondon } from '../../../platform/dates.ts';
import { Problem } from '../../../platform/http/problem.ts';
import type { FieldError } from '../../../platform/http/problem.ts';
import { convertAmount } from '../../../platform/money/periods.ts';
import { currentContribution } from '../../charging/index.ts';
import { agreedCostLines } from '../../plans/index.ts';
import { currentChanges, netPerPeriod } from '../corrections/rules.ts';
import { type BankDetails, type BankKeys, encryptBankDetails } from '../bank/crypto.ts';
import {
  type DirectPaymentAgreement,
  type PaymentFrequency,
  paymentsDue,
  validateAgreement,
} from './rules.ts';
import { frequencyErrors } from '../policy/rules.ts';
import { offeredFrequencies } from '../policy/service.ts';
import { maskAccountNumber, validateAccountNumber, validateSortCode } from '../bank/rules.ts';
import { dpAgreementChanges, dpAgreements, dpPayments } from '../schema.ts';

export type AgreementRow = typeof dpAgreements.$inferSelect;
export type ChangeRow = typeof dpAgreementChanges.$inferSelect;

export const HOLDER_KINDS = {
  person: 'The person',
  representative: 'Their representative',
  third_party: 'A third party (for example a trust)',
  managed_account: 'A managed account provider',
} as const;
export type HolderKind = keyof typeof HOLDER_KINDS;
export const FREQUENCY_WORDS: Record<PaymentFrequency, string> = {
  weekly: 'Weekly',
  four_weekly: 'Every four weeks',
  monthly: 'Monthly',
};

export interface AgreementInput {
  frequency: string;
  startDate: string;
  endDate: string | null;
  holderKind: string;
  holderName: string;
  sortCode: string;
  accountNumber: string;
}

/** The schedule rules' view of an agreement; `gross` leaves the contribution in (invoice method). */
export function toRuleAgreement(
  agreement: AgreementRow,
  changes: readonly Pick<
    ChangeRow,
    'agreementId' | 'effectiveFrom' | 'version' | 'amountPerPeriod' | 'contributionPerPeriod'
  >[],
  gross = false,
): DirectPaymentAgreement {
  const netted = !gross && agreement.contributionMethod === 'net';
  return {
    id: agreement.id,
    amountPerPeriod: agreement.amountPerPeriod,
    frequency: agreement.frequency,
    startDate: agreement.startDate,
    endDate: agreement.endDate,
    contributionPerPeriod: netted ? agreement.contributionPerPeriod : 0,
    // Only the newest version of each date: a superseded change is history, not a term.
    changes: currentChanges(changes.filter((c) => c.agreementId === agreement.id)).map((c) => ({
      effectiveFrom: c.effectiveFrom,
      amountPerPeriod: c.amountPerPeriod,
      contributionPerPeriod: netted ? c.contributionPerPeriod : 0,
    })),
  };
}

function checkInput(input: AgreementInput): { errors: FieldError[]; bank?: BankDetails } {
  const errors: FieldError[] = [];
  if (!(input.frequency in FREQUENCY_WORDS))
    errors.push({ field: 'frequency', message: 'Choose how often the payment is made' });
  if (!isIsoDate(input.startDate))
    errors.push({ field: 'startDate', message: 'Enter a real start date, like 6 4 2026' });
  if (input.endDate !== null) {
    if (!isIsoDate(input.endDate))
      errors.push({ field: 'endDate', message: 'Enter a real end date, or leave it empty' });
    else if (isIsoDate(input.startDate) && compareDates(input.endDate, input.startDate) < 0)
      errors.push({ field: 'endDate', message: 'The end date must be on or after the start date' });
  }
  if (!(input.holderKind in HOLDER_KINDS))
    errors.push({ field: 'holderKind', message: 'Choose who holds the account' });
  if (!input.holderName.trim())
    errors.push({ field: 'holderName', message: 'Enter the name on the account' });
  const sort = validateSortCode(input.sortCode);
  if (!sort.ok) errors.push({ field: 'sortCode', message: sort.message });
  const account = validateAccountNumber(input.accountNumber);
  if (!account.ok) errors.push({ field: 'accountNumber', message: account.message });
  if (errors.length || !sort.ok || !account.ok) return { errors };
  return {
    errors,
    bank: { sortCode: sort.value, accountNumber: account.value, accountName: input.holderName.trim() },
  };
}

/** Option 1 lines of the agreed plan → weekly amount; the contribution from the current assessment. */
export async function termsFromPlan(tx: Tx, personId: string, frequency: PaymentFrequency) {
  const lines = await agreedCostLines(tx, personId, 1);
  if (!lines.length) {
    throw Problem.invalid([
      {
        field: 'plan',
        message: 'There is no agreed support plan with direct-payment (option 1) costs for this person yet',
      },
    ]);
  }
  const weekly = lines.reduce((sum, line) => sum + line.weeklyCost, 0);
  const contribution = await currentContribution(tx, personId);
  return {
    planId: lines[0]!.planId,
    weekly,
    amountPerPeriod: convertAmount(weekly, 'weekly', frequency),
    contributionPerPeriod: contribution ? convertAmount(contribution.weekly, 'weekly', frequency) : 0,
    contributionMethod: contribution?.method ?? ('net' as const),
  };
}

/** What setting up the agreement will pay, shown (page and API) before anything is saved. */
export interface AgreementSetUpEffect {
  from: string;
  endDate: string | null;
  frequency: PaymentFrequency;
  weeklyAmount: number;
  amountPerPeriod: number;
  contributionPerPeriod: number;
  contributionMethod: 'net' | 'invoice';
  /** What is paid each full period: the amount less the contribution when it is netted off. */
  netPerPeriod: number;
  holderKind: HolderKind;
  holderName: string;
  maskedAccount: string;
}

/** The agreement the input sets up, checked and worked out inside the transaction; nothing written. */
async function planAgreement(tx: Tx, access: PersonAccess, input: AgreementInput) {
  const { errors, bank } = checkInput(input);
  if (errors.length || !bank) throw Problem.invalid(errors);
  const frequency = input.frequency as PaymentFrequency;
  const [existing] = await tx
    .select({ id: dpAgreements.id })
    .from(dpAgreements)
    .where(eq(dpAgreements.personId, access.personId));
  if (existing) {
    const already = 'This person already has an agreement. Record a change instead.';
    throw Problem.conflict(
      already,
      [{ field: 'frequency', message: already }],
      'There is already an agreement',
    );
  }
  // Only the frequencies the council's direct-payment settings offer today.
  const notOffered = frequencyErrors(frequency, await offeredFrequencies(tx));
  if (notOffered.length) throw Problem.invalid(notOffered);
  const terms = await termsFromPlan(tx, access.personId, frequency);
  const ruleErrors = validateAgreement({
    id: 'new',
    amountPerPeriod: terms.amountPerPeriod,
    contributionPerPeriod: terms.contributionPerPeriod,
    frequency,
    startDate: input.startDate,
    endDate: input.endDate,
  });
  if (ruleErrors.length) throw Problem.invalid(ruleErrors);
  const effect: AgreementSetUpEffect = {
    from: input.startDate,
    endDate: input.endDate,
    frequency,
    weeklyAmount: terms.weekly,
    amountPerPeriod: terms.amountPerPeriod,
    contributionPerPeriod: terms.contributionPerPeriod,
    contributionMethod: terms.contributionMethod,
    netPerPeriod: netPerPeriod(terms, terms.contributionMethod),
    holderKind: input.holderKind as HolderKind,
    holderName: bank.accountName,
    maskedAccount: maskAccountNumber(bank.accountNumber),
  };
  return { bank, terms, effect };
}

/** What the agreement would pay (per period, from which date, contribution netted off); nothing saved. */
export async function previewAgreement(db: Db, access: PersonAccess, input: AgreementInput) {
  checkOrThrow(input);
  return audited(db, access, 'payments.agreement.preview', async (tx) => {
    const { effect } = await planAgreement(tx, access, input);
    return effect;
  });
}

function checkOrThrow(input: AgreementInput) {
  const { errors } = checkInput(input);
  if (errors.length) throw Problem.invalid(errors);
}

export async function createAgreement(db: Db, access: PersonAccess, keys: BankKeys, input: AgreementInput) {
  checkOrThrow(input);
  return audited(db, access, 'payments.agreement.create', async (tx) => {
    const { bank, terms, effect } = await planAgreement(tx, access, input);
    const [row] = await tx
      .insert(dpAgreements)
      .values({
        authorityId: access.authorityId,
        personId: access.personId,
        planId: terms.planId,
        amountPerPeriod: terms.amountPerPeriod,
        weeklyAmount: terms.weekly,
        frequency: effect.frequency,
        startDate: input.startDate,
        endDate: input.endDate,
        contributionPerPeriod: terms.contributionPerPeriod,
        contributionMethod: terms.contributionMethod,
        holderKind: effect.holderKind,
        holderName: bank.accountName,
        bankDetails: encryptBankDetails(bank, keys),
        accountLast4: bank.accountNumber.slice(-4),
        createdBy: access.actor.userId,
      })
      .returning();
    return { ...row!, effect };
  });
}

/** The first day not yet covered by a paid period (a change can apply from here at the earliest). */
export async function firstUnpaidDay(tx: Tx, agreement: AgreementRow): Promise<string> {
  const [row] = await tx
    .select({ last: sql<string | null>`max(${dpPayments.periodEnd})::text` })
    .from(dpPayments)
    .where(eq(dpPayments.agreementId, agreement.id));
  return row?.last ? addDays(row.last, 1) : agreement.startDate;
}

export async function agreementOf(tx: Tx, personId: string) {
  const [row] = await tx.select().from(dpAgreements).where(eq(dpAgreements.personId, personId));
  return row ?? null;
}

/** The agreement as shown: amounts, masked account, changes and the next payment explained. */
export async function agreementSummary(tx: Tx, personId: string) {
  const agreement = await agreementOf(tx, personId);
  if (!agreement) return null;
  const changes = await tx
    .select()
    .from(dpAgreementChanges)
    .where(eq(dpAgreementChanges.agreementId, agreement.id))
    .orderBy(asc(dpAgreementChanges.effectiveFrom));
  const paid = await tx
    .select({ periodStart: dpPayments.periodStart })
    .from(dpPayments)
    .where(eq(dpPayments.agreementId, agreement.id));
  const today = todayInLondon();
  const due = paymentsDue(
    toRuleAgreement(agreement, changes),
    addDays(today, 35),
    paid.map((p) => p.periodStart),
  );
  const { bankDetails: _secret, ...shown } = agreement;
  return {
    ...shown,
    maskedAccount: maskAccountNumber(`0000${agreement.accountLast4}`),
    holderKindLabel: HOLDER_KINDS[agreement.holderKind],
    frequencyLabel: FREQUENCY_WORDS[agreement.frequency],
    netPerPeriod: netPerPeriod(agreement, agreement.contributionMethod),
    changes,
    nextPayment: due[0] ?? null,
  };
}

import type { FieldError } from '../../../platform/http/problem.ts';
import type { PaymentFrequency } from '../agreements/rules.ts';
import { toBacsText, validateAccountNumber, validateSortCode } from '../bank/rules.ts';
import { PAYMENT_FREQUENCIES } from '../schema.ts';

/** One version of the council's direct-payment settings, as drafted (a page or the API). */
export interface PaymentSettings {
  versionLabel: string;
  surplusThresholdWeeks: number;
  originatorName: string;
  originatorSortCode: string;
  originatorAccountNumber: string;
  twoPersonApproval: boolean;
  offeredFrequencies: PaymentFrequency[];
}

export const FREQUENCY_NAMES: Record<PaymentFrequency, string> = {
  weekly: 'Weekly',
  four_weekly: 'Every four weeks',
  monthly: 'Monthly',
};

/** The bank file has 18 characters for the paying account's name. */
export const ORIGINATOR_NAME_MAX = 18;
export const SURPLUS_WEEKS_MAX = 52;

/**
 * Everything wrong with a draft, as field errors named after its own fields; the sort code
 * and account number follow the same rules as a person's bank details. Never throws.
 */
export function paymentSettingsErrors(settings: PaymentSettings): FieldError[] {
  const errors: FieldError[] = [];
  const label = settings.versionLabel.trim();
  if (!label) errors.push({ field: 'versionLabel', message: 'Enter a name for this version.' });
  else if (label.length > 200)
    errors.push({ field: 'versionLabel', message: 'The version name must be 200 characters or fewer.' });
  const weeks = settings.surplusThresholdWeeks;
  if (!Number.isInteger(weeks) || weeks < 1 || weeks > SURPLUS_WEEKS_MAX)
    errors.push({
      field: 'surplusThresholdWeeks',
      message: `Enter the surplus threshold as a whole number of weeks from 1 to ${SURPLUS_WEEKS_MAX}.`,
    });
  const name = settings.originatorName.trim();
  if (!name || toBacsText(name) === '')
    errors.push({ field: 'originatorName', message: 'Enter the name on the council’s paying account.' });
  else if (name.length > ORIGINATOR_NAME_MAX)
    errors.push({
      field: 'originatorName',
      message: `The account name must be ${ORIGINATOR_NAME_MAX} characters or fewer: the bank file has room for ${ORIGINATOR_NAME_MAX}.`,
    });
  const sort = validateSortCode(settings.originatorSortCode);
  if (!sort.ok) errors.push({ field: 'originatorSortCode', message: sort.message });
  const account = validateAccountNumber(settings.originatorAccountNumber);
  if (!account.ok) errors.push({ field: 'originatorAccountNumber', message: account.message });
  if (typeof settings.twoPersonApproval !== 'boolean')
    errors.push({ field: 'twoPersonApproval', message: 'Say whether a payment run needs two people.' });
  const offered = settings.offeredFrequencies;
  if (!offered.length)
    errors.push({ field: 'offeredFrequencies', message: 'Choose at least one payment frequency to offer.' });
  else if (offered.some((f) => !(PAYMENT_FREQUENCIES as readonly string[]).includes(f)))
    errors.push({ field: 'offeredFrequencies', message: 'Choose frequencies from the list.' });
  return errors;
}

/** The settings as stored: sort code and account number as their digits, frequencies in list order. */
export function normaliseSettings(settings: PaymentSettings): PaymentSettings {
  const sort = validateSortCode(settings.originatorSortCode);
  const account = validateAccountNumber(settings.originatorAccountNumber);
  return {
    versionLabel: settings.versionLabel.trim(),
    surplusThresholdWeeks: settings.surplusThresholdWeeks,
    originatorName: settings.originatorName.trim(),
    originatorSortCode: sort.ok ? sort.value : settings.originatorSortCode,
    originatorAccountNumber: account.ok ? account.value : settings.originatorAccountNumber,
    twoPersonApproval: settings.twoPersonApproval,
    offeredFrequencies: PAYMENT_FREQUENCIES.filter((f) => settings.offeredFrequencies.includes(f)),
  };
}

/** A new agreement's frequency must be one the settings in force offer. */
export function frequencyErrors(
  frequency: string,
  offered: readonly PaymentFrequency[] | null,
): FieldError[] {
  if (!offered || offered.includes(frequency as PaymentFrequency)) return [];
  const words = offered.map((f) => FREQUENCY_NAMES[f].toLowerCase());
  return [
    {
      field: 'frequency',
      message: `The council pays direct payments ${words.join(' or ')} only: choose one of those.`,
    },
  ];
}

const sortCodeShown = (digits: string) =>
  /^\d{6}$/.test(digits) ? `${digits.slice(0, 2)}-${digits.slice(2, 4)}-${digits.slice(4)}` : digits;

/** Each setting as shown on the check page and in the history, in plain words. */
export function describeSettings(settings: PaymentSettings): { key: string; value: string }[] {
  const weeks = settings.surplusThresholdWeeks;
  return [
    { key: 'Surplus threshold', value: `${weeks} ${weeks === 1 ? 'week' : 'weeks'} of payments` },
    { key: 'Paying account name', value: settings.originatorName },
    { key: 'Paying account sort code', value: sortCodeShown(settings.originatorSortCode) },
    { key: 'Paying account number', value: settings.originatorAccountNumber },
    {
      key: 'Two people for each payment run',
      value: settings.twoPersonApproval ? 'Yes: whoever makes a run may not approve it' : 'No',
    },
    {
      key: 'Payment frequencies offered',
      value: PAYMENT_FREQUENCIES.filter((f) => settings.offeredFrequencies.includes(f))
        .map((f) => FREQUENCY_NAMES[f])
        .join(', '),
    },
  ];
}

/** Old → new for every setting (unchanged ones marked), for the check page before publishing. */
export function settingsChanges(
  before: PaymentSettings | null,
  after: PaymentSettings,
): { key: string; before: string | null; after: string; changed: boolean }[] {
  const old = before ? describeSettings(before) : null;
  return describeSettings(after).map((row, i) => {
    const was = old ? old[i]!.value : null;
    return { key: row.key, before: was, after: row.value, changed: was !== row.value };
  });
}

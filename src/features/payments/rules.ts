/**
 * The pure payment rules, in one place for services to import. Each area lives in its own
 * short module: the schedule of a direct-payment agreement, the payment run, bank details
 * and files, and surplus and returns. The ledger is separate (./ledger.ts).
 */

export {
  type AgreementChange,
  type DirectPaymentAgreement,
  type DuePayment,
  explainPeriod,
  IN_ADVANCE_NOTE,
  type PaymentFrequency,
  paymentsDue,
  validateAgreement,
} from './schedule.ts';
export {
  type PaymentRunPlan,
  type PlannedPayment,
  paymentKey,
  paymentTransfer,
  planPaymentRun,
} from './run.ts';
export {
  type BankCheck,
  type BankFileProblem,
  type BankFileResult,
  type BankPayment,
  bacsStandard18Lines,
  maskAccountNumber,
  type Originator,
  PAYMENT_CSV_HEADERS,
  paymentCsvRows,
  penceToDecimalPounds,
  toBacsText,
  validateAccountNumber,
  validateSortCode,
} from './bank.ts';
export {
  assessSurplus,
  checkReturn,
  type RecoveryOption,
  type ReturnCheck,
  type ReturnInput,
  recoveryOptions,
  SPEND_CATEGORY_LABELS,
  type SpendCategory,
  type SurplusAssessment,
  type SurplusInput,
} from './surplus.ts';

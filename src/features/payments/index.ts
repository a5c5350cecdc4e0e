/**
 * The payments feature's public surface: other features, src/app.ts, src/cli, the seeders and the
 * feature list import only this file (a `schema.ts` may import another feature's `schema.ts` for
 * foreign keys). Add an export here only when another part of the code needs it.
 */
export { bankKey, encryptBankDetails } from './crypto.ts';
export { paymentKey, paymentTransfer } from './run.ts';
export { paymentsDue } from './schedule.ts';
export type { DirectPaymentAgreement, PaymentFrequency } from './schedule.ts';
export { accountId } from './accounts.ts';
export { effectSchema, explanationSchema, isoDate, pence } from './api-schemas.ts';
export { dateField, dateParts, moneyField, partsOf } from './form-helpers.ts';
export { ensureDemoPlan, seedDemoPayments } from './seed.ts';
export { applyContributionChange, lockPayments, planContributionChange } from './contribution-change.ts';
export { contributionEffect } from './correction.ts';
export { paymentsFeature } from './routes.ts';

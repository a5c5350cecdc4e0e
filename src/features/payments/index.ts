/**
 * The payments feature's public surface: other features, src/app.ts, src/cli, the seeders and the
 * feature list import only this file (a `schema.ts` may import another feature's `schema.ts` for
 * foreign keys). Add an export here only when another part of the code needs it.
 */
export { bankKeys, decryptBankDetails, encryptBankDetails } from './bank/crypto.ts';
export type { BankDetails, BankKeys } from './bank/crypto.ts';
export { paymentKey, paymentTransfer } from './runs/rules.ts';
export { paymentsDue } from './agreements/rules.ts';
export type { DirectPaymentAgreement, PaymentFrequency } from './agreements/rules.ts';
export { accountId } from './ledger/account-ids.ts';
export { seedDemoPayments } from './seed.ts';
export { contributionPayments } from './corrections/service.ts';
export { paymentsFeature } from './routes.ts';
export { paymentServices } from './service.ts';
export { resealBankDetails } from './bank/rotation.ts';
export type { CouncilReseal } from './bank/rotation.ts';

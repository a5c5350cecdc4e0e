/**
 * The payments feature's public surface: other features import from here, never from a
 * sub-folder. (A `schema.ts` may still import `payments/schema.ts` for foreign keys.)
 */
export { effectSchema, explanationSchema, isoDate, pence } from './api-schemas.ts';
export { contributionEffect } from './corrections/rules.ts';
export { applyContributionChange, lockPayments, planContributionChange } from './corrections/service.ts';
export { dateField, dateParts, moneyField, partsOf } from './forms.ts';
export { ensureDemoPlan } from './seed.ts';

/**
 * The plans feature's public surface: other features import from here, never from a
 * sub-folder. (A `schema.ts` may still import `plans/schema.ts` for foreign keys.)
 */
export { agreedCostLines, latestAgreedPlan } from './plan/agreed.ts';
export type { SupportPlanContent } from './plan/content.ts';
export { type CostLine, PROVIDER_KINDS } from './plan/costs.ts';
export { RESTRICTION_REASON_KINDS } from './plan/restrictions.ts';

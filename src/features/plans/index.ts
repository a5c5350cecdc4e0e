/**
 * The plans feature's public surface: other features, src/app.ts, src/cli, the seeders and the
 * feature list import only this file (a `schema.ts` may import another feature's `schema.ts` for
 * foreign keys). Add an export here only when another part of the code needs it.
 */
export { PROVIDER_KINDS } from './plan/costs.ts';
export { AGREEMENT_WAYS } from './plan/agreement-rules.ts';
export type { CostLine } from './plan/costs.ts';
export type { SupportPlanContent } from './plan/content.ts';
export { agreedCostLines, latestAgreedPlan } from './plan/agreed.ts';
export { plansFeature } from './routes.ts';
export { supportPlanCostLines, supportPlans } from './schema.ts';
export { RESTRICTION_REASON_KINDS } from './plan/restrictions.ts';
export { ensureDemoPlan, seedDemoPlans } from './seed.ts';
export { planServices } from './service.ts';

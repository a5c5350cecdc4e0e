/**
 * The plans feature's public surface: other features, src/app.ts, src/cli, the seeders and the
 * feature list import only this file (a `schema.ts` may import another feature's `schema.ts` for
 * foreign keys). Add an export here only when another part of the code needs it.
 */
export { PROVIDER_KINDS } from './costs.ts';
export type { CostLine } from './costs.ts';
export type { SupportPlanContent } from './content.ts';
export { agreedCostLines, latestAgreedPlan } from './agreed.ts';
export { plansFeature } from './routes.ts';
export { supportPlanCostLines, supportPlans } from './schema.ts';
export { RESTRICTION_REASON_KINDS } from './restrictions.ts';
export { seedDemoPlans } from './seed.ts';

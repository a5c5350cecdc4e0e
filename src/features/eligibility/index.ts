/**
 * The eligibility feature's public surface: other features, src/app.ts, src/cli, the seeders and the
 * feature list import only this file (a `schema.ts` may import another feature's `schema.ts` for
 * foreign keys). Add an export here only when another part of the code needs it.
 */
export { SCOTLAND_BANDS, decideEligibility } from './rules.ts';
export type { EligibilityPolicy, ScotlandAssessment, ScotlandBand } from './rules.ts';
export { publicEligibilityPolicy } from './service.ts';
export { effectiveDateErrors } from './effective-dates.ts';
export { eligibilityDecisions } from './schema.ts';
export { latestDecision } from './store.ts';
export { eligibilityFeature } from './routes.ts';
export { seedDemoEligibility } from './seed.ts';
export { eligibilityServices } from './service.ts';

/**
 * The charging feature's public surface: other features, src/app.ts, src/cli, the seeders and the
 * feature list import only this file (a `schema.ts` may import another feature's `schema.ts` for
 * foreign keys). Add an export here only when another part of the code needs it.
 */
export { chargingFeature } from './routes.ts';
export { currentContribution } from './service.ts';
export { seedDemoCharging } from './seed.ts';
export type { ContributionEffectShape, ContributionPayments } from './deps.ts';
export { effectSchema } from './api-schemas.ts';
export { chargingServices } from './service.ts';

import type { FastifyPluginAsync } from 'fastify';
import type { FeatureDeps } from '../index.ts';
import { chargingApi } from './api.ts';
import { chargingPages } from './pages.ts';
import { chargingPolicyApi } from './policy-api.ts';
import { chargingPolicyPages } from './policy-pages.ts';

/** Charging policy versions (drafted, checked, published from a date), financial assessments, explained contributions, letters and reviews. */
export const chargingFeature: FastifyPluginAsync<FeatureDeps> = async (app, deps) => {
  await app.register(chargingPages, deps);
  await app.register(chargingApi, deps);
  await app.register(chargingPolicyPages, deps);
  await app.register(chargingPolicyApi, deps);
};

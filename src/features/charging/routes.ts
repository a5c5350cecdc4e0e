import type { FastifyPluginAsync } from 'fastify';
import type { FeatureDeps } from '../index.ts';
import { chargingApi } from './api.ts';
import { chargingPages } from './pages.ts';

/** Charging policies, financial assessments, explained contributions, letters and reviews. */
export const chargingFeature: FastifyPluginAsync<FeatureDeps> = async (app, deps) => {
  await app.register(chargingPages, deps);
  await app.register(chargingApi, deps);
};

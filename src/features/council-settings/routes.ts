import type { FastifyPluginAsync } from 'fastify';
import type { FeatureDeps } from '../index.ts';
import { councilSettingsApi } from './api.ts';
import { councilSettingsPages } from './pages.ts';

/** The council's own settings: funding streams and its letter address and contact details. */
export const councilFeature: FastifyPluginAsync<FeatureDeps> = async (app, deps) => {
  await app.register(councilSettingsPages, deps);
  await app.register(councilSettingsApi, deps);
};

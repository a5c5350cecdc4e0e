import type { FastifyPluginAsync } from 'fastify';
import type { FeatureDeps } from '../index.ts';
import { councilApi } from './api.ts';
import { councilPages } from './pages.ts';

/** The platform operator's councils: pages under /operator and the API under /api/v1/councils. */
export const councilsFeature: FastifyPluginAsync<FeatureDeps> = async (app, deps) => {
  await app.register(councilPages, deps);
  await app.register(councilApi, deps);
};

import type { FastifyPluginAsync } from 'fastify';
import type { FeatureDeps } from '../index.ts';
import { importsApi } from './api.ts';
import { importPages } from './pages.ts';

/** Importing an existing caseload: pages and API, each its own plugin with multipart for its routes. */
export const importsFeature: FastifyPluginAsync<FeatureDeps> = async (app, deps) => {
  await app.register(importPages, deps);
  await app.register(importsApi, deps);
};

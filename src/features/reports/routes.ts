import type { FastifyPluginAsync } from 'fastify';
import type { FeatureDeps } from '../index.ts';
import { reportsApi } from './api.ts';
import { reportPages } from './pages.ts';

/** Equity: who gets which SDS option and how much, by group, for managers and analysts. */
export const reportsFeature: FastifyPluginAsync<FeatureDeps> = async (app, deps) => {
  await app.register(reportPages, deps);
  await app.register(reportsApi, deps);
};

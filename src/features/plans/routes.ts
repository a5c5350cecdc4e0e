import type { FastifyPluginAsync } from 'fastify';
import type { FeatureDeps } from '../index.ts';
import { optionsApi } from './api-options.ts';
import { plansApi } from './api-plans.ts';
import { optionsPages } from './pages-options.ts';
import { planPages } from './pages-plan.ts';
import { planEditPages } from './pages-plan-edit.ts';

/** SDS options per outcome and the person-owned support plan: pages and API. */
export const plansFeature: FastifyPluginAsync<FeatureDeps> = async (app, deps) => {
  await app.register(optionsPages, deps);
  await app.register(planPages, deps);
  await app.register(planEditPages, deps);
  await app.register(optionsApi, deps);
  await app.register(plansApi, deps);
};

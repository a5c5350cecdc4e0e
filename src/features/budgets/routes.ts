import type { FastifyPluginAsync } from 'fastify';
import type { FeatureDeps } from '../index.ts';
import { budgetApi } from './api.ts';
import { budgetPages } from './pages.ts';
import { policyPages } from './policy-pages.ts';

/** Budget policies (public, drafted, re-priced, published) and people's explained budgets. */
export const budgetsFeature: FastifyPluginAsync<FeatureDeps> = async (app, deps) => {
  await app.register(policyPages, deps);
  await app.register(budgetPages, deps);
  await app.register(budgetApi, deps);
};

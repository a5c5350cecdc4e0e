import type { FastifyPluginAsync } from 'fastify';
import type { FeatureDeps } from '../index.ts';
import { optionsApi } from './options/api.ts';
import { plansApi } from './plan/api.ts';
import { optionsPages } from './options/pages.ts';
import { optionsSettingsPages } from './options/settings-pages.ts';
import { planPages } from './plan/pages.ts';
import { planEditPages } from './plan/edit-pages.ts';
import { agreementPages } from './plan/agreement-pages.ts';
import { agreementApi } from './plan/agreement-api.ts';

/** SDS options per outcome and the person-owned support plan: pages and API. */
export const plansFeature: FastifyPluginAsync<FeatureDeps> = async (app, deps) => {
  await app.register(optionsPages, deps);
  await app.register(optionsSettingsPages, deps);
  await app.register(planPages, deps);
  await app.register(planEditPages, deps);
  await app.register(optionsApi, deps);
  await app.register(plansApi, deps);
  // Their own plugins: each registers multipart for its routes only (plan/uploads.ts).
  await app.register(agreementPages, deps);
  await app.register(agreementApi, deps);
};

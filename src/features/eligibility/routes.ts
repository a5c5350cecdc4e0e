import type { FastifyPluginAsync } from 'fastify';
import type { FeatureDeps } from '../index.ts';
import { eligibilityApi } from './api.ts';
import { eligibilityPages } from './pages.ts';
import { eligibilityPolicyPages } from './policy-pages.ts';

/** Eligibility decisions with evidence, reasons, review route and signposting; eligibility policies. */
export const eligibilityFeature: FastifyPluginAsync<FeatureDeps> = async (app, deps) => {
  await app.register(eligibilityPages, deps);
  await app.register(eligibilityPolicyPages, deps);
  await app.register(eligibilityApi, deps);
};

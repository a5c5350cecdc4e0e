import type { FastifyPluginAsync } from 'fastify';
import type { FeatureDeps } from '../index.ts';
import { paymentsApi } from './api.ts';
import { personPaymentPages } from './person/pages.ts';
import { runPages } from './runs/pages.ts';

/** Direct-payment agreements, payment runs, returns, surplus reviews, statements and the ledger. */
export const paymentsFeature: FastifyPluginAsync<FeatureDeps> = async (app, deps) => {
  await app.register(runPages, deps);
  await app.register(personPaymentPages, deps);
  await app.register(paymentsApi, deps);
};

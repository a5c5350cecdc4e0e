import type { FastifyPluginAsync } from 'fastify';
import type { FeatureDeps } from '../index.ts';
import { ledgerApi } from './ledger/api.ts';
import { personPaymentsApi } from './person/api.ts';
import { paymentRunsApi } from './runs/api.ts';
import { personPaymentPages } from './person/pages.ts';
import { runPages } from './runs/pages.ts';
import { paymentSettingsApi } from './policy/api.ts';
import { paymentSettingsPages } from './policy/pages.ts';

/** Direct-payment agreements, payment runs, returns, surplus reviews, statements and the ledger. */
export const paymentsFeature: FastifyPluginAsync<FeatureDeps> = async (app, deps) => {
  await app.register(runPages, deps);
  await app.register(paymentSettingsPages, deps);
  await app.register(paymentSettingsApi, deps);
  await app.register(personPaymentPages, deps);
  await app.register(personPaymentsApi, deps);
  await app.register(paymentRunsApi, deps);
  await app.register(ledgerApi, deps);
};

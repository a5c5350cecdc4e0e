import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../platform/db/client.ts';
import { accountsFeature } from './accounts/routes.ts';
import { conversationsFeature } from './conversations/routes.ts';
import { peopleFeature } from './people/routes.ts';
import { budgetsFeature } from './budgets/routes.ts';
import { chargingFeature } from './charging/routes.ts';
import { eligibilityFeature } from './eligibility/routes.ts';
import { paymentsFeature } from './payments/routes.ts';
import { plansFeature } from './plans/routes.ts';
import { publicFeature } from './public/pages.ts';
import { referenceListsFeature } from './reference-lists/routes.ts';
import { reportsFeature } from './reports/routes.ts';
import type { Services } from './services.ts';

/**
 * What every feature's routes receive: the services built once (./services.ts). `db` remains
 * for the features whose handlers still build their own (plans, payments) until converted.
 */
export interface FeatureDeps {
  db: Db;
  config: Config;
  services: Services;
}

/** Every feature, in the order their routes register. Add a line here for a new feature. */
export const FEATURES: { name: string; routes: FastifyPluginAsync<FeatureDeps> }[] = [
  { name: 'public', routes: publicFeature },
  { name: 'accounts', routes: accountsFeature },
  { name: 'people', routes: peopleFeature },
  { name: 'conversations', routes: conversationsFeature },
  { name: 'eligibility', routes: eligibilityFeature },
  { name: 'budgets', routes: budgetsFeature },
  { name: 'plans', routes: plansFeature },
  { name: 'reports', routes: reportsFeature },
  { name: 'payments', routes: paymentsFeature },
  { name: 'charging', routes: chargingFeature },
  { name: 'reference-lists', routes: referenceListsFeature },
];

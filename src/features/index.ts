import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../config.ts';
import type { Db } from '../platform/db/client.ts';
import { accountsFeature } from './accounts/index.ts';
import { councilsFeature } from './councils/index.ts';
import { conversationsFeature, ownWordsOf, recordOutcomes } from './conversations/index.ts';
import { peopleFeature } from './people/index.ts';
import { budgetsFeature } from './budgets/index.ts';
import { chargingFeature } from './charging/index.ts';
import { councilFeature } from './council-settings/index.ts';
import { eligibilityFeature } from './eligibility/index.ts';
import { importsFeature } from './imports/index.ts';
import { paymentsFeature } from './payments/index.ts';
import { plansFeature } from './plans/index.ts';
import { providerViewFeature } from './provider-view/index.ts';
import { publicFeature } from './public/index.ts';
import { referenceListsFeature } from './reference-lists/index.ts';
import { reportsFeature } from './reports/index.ts';
import type { Services } from './services.ts';

/**
 * What every feature's routes receive: the services built once (./services.ts). `db` remains
 * only for what the people feature is handed from conversations (`recordOutcomes`, `ownWordsOf`,
 * see people/deps.ts), which still take it.
 */
export interface FeatureDeps {
  db: Db;
  config: Config;
  services: Services;
}

/**
 * The people feature shows a few things owned by the features built on it (the outcomes on the
 * record; the interim budget tags come bound into its services, ./services.ts): they are handed
 * in here, so people imports none of them.
 */
const people: FastifyPluginAsync<FeatureDeps> = async (app, deps) => {
  await app.register(peopleFeature, { ...deps, recordOutcomes, ownWordsOf });
};

/** Every feature, in the order their routes register. Add a line here for a new feature. */
export const FEATURES: { name: string; routes: FastifyPluginAsync<FeatureDeps> }[] = [
  { name: 'public', routes: publicFeature },
  { name: 'accounts', routes: accountsFeature },
  { name: 'councils', routes: councilsFeature },
  { name: 'council-settings', routes: councilFeature },
  { name: 'people', routes: people },
  { name: 'conversations', routes: conversationsFeature },
  { name: 'eligibility', routes: eligibilityFeature },
  { name: 'budgets', routes: budgetsFeature },
  { name: 'plans', routes: plansFeature },
  { name: 'provider-view', routes: providerViewFeature },
  { name: 'reports', routes: reportsFeature },
  { name: 'payments', routes: paymentsFeature },
  { name: 'charging', routes: chargingFeature },
  { name: 'reference-lists', routes: referenceListsFeature },
  { name: 'imports', routes: importsFeature },
];

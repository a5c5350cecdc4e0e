import type { Config } from '../config.ts';
import type { Db } from '../platform/db/client.ts';
import { councilServices } from '../platform/views/council.ts';
import { accountServices } from './accounts/index.ts';
import { budgetServices, interimStatusFor } from './budgets/index.ts';
import { chargingServices } from './charging/index.ts';
import { councilAdminServices } from './councils/index.ts';
import { councilSettingsServices } from './council-settings/index.ts';
import { conversationServices } from './conversations/index.ts';
import { eligibilityServices } from './eligibility/index.ts';
import { importServices } from './imports/index.ts';
import { contributionPayments, paymentServices } from './payments/index.ts';
import { peopleServices } from './people/index.ts';
import { planServices } from './plans/index.ts';
import { providerViewServices } from './provider-view/index.ts';
import { reportServices } from './reports/index.ts';

/**
 * The composition root: every feature's services, bound to the database once and passed to
 * the app (`buildApp({ database, config, services })`) and on to each feature's routes in
 * `FeatureDeps`. Handlers call `services.budgets.record(access)`, never a store with `db`.
 * Route tests build the app with fakes of this shape (test/support/fake-app.ts). A new
 * feature adds its line here.
 */
export function buildServices({ db, config }: { db: Db; config: Config }) {
  return {
    councils: councilServices(db),
    accounts: accountServices(db),
    councilAdmin: councilAdminServices(db),
    council: councilSettingsServices(db),
    people: peopleServices(db, interimStatusFor),
    conversations: conversationServices(db),
    eligibility: eligibilityServices(db),
    budgets: budgetServices(db),
    plans: planServices(db, config),
    payments: paymentServices(db, config),
    reports: reportServices(db),
    providerView: providerViewServices(db),
    charging: chargingServices(db, contributionPayments),
    imports: importServices(db),
  };
}

export type Services = ReturnType<typeof buildServices>;

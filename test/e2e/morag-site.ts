import { demoPersonId } from '../../src/features/payments/payments.fixtures.ts';
import { type Site, startSite } from './support.ts';

/** The demo site with the record id of Morag Campbell, the demo person whose money the suites follow. */
export async function startSiteForMorag(): Promise<{ site: Site; morag: string }> {
  const site = await startSite();
  const morag = await demoPersonId(site.database.db);
  return { site, morag };
}

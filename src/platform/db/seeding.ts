import type { Role } from '../auth/roles.ts';
import type { Tx } from './client.ts';

/** What the demo seed has made so far, handed to each feature's seeder in turn. */
export interface DemoContext {
  authorityId: string;
  nation: 'scotland' | 'england';
  /** The council's name, as its letters and bank files give it. */
  councilName: string;
  /** A demo account's e-mail at this council's own demo domain, e.g. `email('worker.south')`. */
  email: (localPart: string) => string;
  /** Demo accounts by role (one each), plus any extra staff the seeders add. */
  users: Record<Role, string | undefined> & Record<string, string | undefined>;
  teams: { north: string; south: string; children: string };
  /** Ids a later seeder needs from an earlier one (e.g. the demo person's id). */
  shared: Record<string, unknown>;
}

export type DemoSeeder = (tx: Tx, context: DemoContext) => Promise<void>;

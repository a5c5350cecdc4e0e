import { eq, sql } from 'drizzle-orm';
import type { Config } from '../config.ts';
import { DEMO_SEEDERS } from '../features/seeders.ts';
import { bankKeys } from '../features/payments/index.ts';
import {
  BOROUGH_DEMO_ROLES,
  DEMO_OPERATOR,
  DEMO_ROLES,
  type DemoCouncilCode,
  demoEmail,
} from '../features/accounts/index.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import type { Role } from '../platform/auth/roles.ts';
import { teams, users } from '../platform/auth/schema.ts';
import type { Db } from '../platform/db/client.ts';
import { authorities } from '../platform/db/schema.ts';
import type { DemoContext } from '../platform/db/seeding.ts';
import { APP_ROLE, asSystem } from '../platform/db/transaction.ts';

export const DEMO_AUTHORITY_CODE = 'demo';
/** The English demo council, beside the Scottish one. */
export const DEMO_BOROUGH_CODE = 'demo-borough';

/**
 * The demo council's address and contact details, printed on every letter. Made up and plainly
 * not real: the `.example` domain is reserved, ZZ is no UK postcode area, and 0131 496 0xxx is
 * Ofcom's range kept for drama, so nobody's phone rings.
 */
export const DEMO_COUNCIL_CONTACT = {
  addressLine1: 'Demo Council Offices',
  addressLine2: '1 Example Square',
  town: 'Demotown',
  postcode: 'ZZ1 1ZZ',
  phone: '0131 496 0123',
  email: 'socialcare@demo-council.example',
  website: 'https://demo-council.example',
  howToContact:
    'Phone us Monday to Friday, 9am to 5pm, or e-mail us at any time. Tell us if you would like this letter in large print, Easy Read, another language or another format.',
} as const;

/**
 * The English demo council's contact details, as plainly made up: `.example` is reserved, ZZ is
 * no postcode area, and 0161 496 0xxx is Ofcom's drama range for Manchester numbers.
 */
export const DEMO_BOROUGH_CONTACT = {
  addressLine1: 'Demo Borough Town Hall',
  addressLine2: '2 Example Parade',
  town: 'Demoborough',
  postcode: 'ZZ2 2ZZ',
  phone: '0161 496 0456',
  email: 'adultsocialcare@demo-borough.example',
  website: 'https://demo-borough.example',
  howToContact:
    'Phone adult social care Monday to Friday, 9am to 5pm, or e-mail us at any time. Tell us if you would like this letter in large print, Easy Read, another language or another format.',
} as const;

/** The demo council's data controller, for its privacy notice (UK GDPR Article 13); made up like the rest. */
export const DEMO_DATA_CONTROLLER = {
  dataControllerName: 'Demo Council',
  dataControllerAddress: 'Demo Council Offices\n1 Example Square\nDemotown\nZZ1 1ZZ',
  dataControllerEmail: 'information.governance@demo-council.example',
  dataProtectionOfficerEmail: 'dpo@demo-council.example',
  dataProtectionOfficerPhone: '0131 496 0199',
  icoRegistrationNumber: 'Z0000000',
} as const;

/** The English demo council's data controller, made up in the same way. */
export const DEMO_BOROUGH_DATA_CONTROLLER = {
  dataControllerName: 'Demo Borough Council',
  dataControllerAddress: 'Demo Borough Town Hall\n2 Example Parade\nDemoborough\nZZ2 2ZZ',
  dataControllerEmail: 'information.governance@demo-borough.example',
  dataProtectionOfficerEmail: 'dpo@demo-borough.example',
  dataProtectionOfficerPhone: '0161 496 0499',
  icoRegistrationNumber: 'Z0000001',
} as const;

type DemoRole = (typeof DEMO_ROLES)[number];

interface DemoCouncil {
  code: DemoCouncilCode;
  name: string;
  nation: DemoContext['nation'];
  contact: typeof DEMO_COUNCIL_CONTACT | typeof DEMO_BOROUGH_CONTACT;
  dataController: typeof DEMO_DATA_CONTROLLER | typeof DEMO_BOROUGH_DATA_CONTROLLER;
  roles: readonly DemoRole[];
  names: Partial<Record<DemoRole, string>>;
  /** The north, south and children's teams, by the names the council gives them. */
  teams: [string, string, string];
}

const DEMO_COUNCILS: DemoCouncil[] = [
  {
    code: DEMO_AUTHORITY_CODE,
    name: 'Demo Council',
    nation: 'scotland',
    contact: DEMO_COUNCIL_CONTACT,
    dataController: DEMO_DATA_CONTROLLER,
    roles: DEMO_ROLES,
    names: {
      person: 'Morag Campbell',
      representative: 'Fiona Reid',
      worker: 'Sam Okafor',
      manager: 'Priya Nair',
      finance: 'Alan Murray',
      support: 'Direct Payments Support Scotland (Kirsty Bell)',
      provider: 'Allied Home Care (Jo Grant)',
      analyst: 'Lewis Tait',
      admin: 'Ruth Douglas',
    },
    teams: ['Adult Community Care North', 'Adult Community Care South', 'Children and Families'],
  },
  {
    code: DEMO_BOROUGH_CODE,
    name: 'Demo Borough Council',
    nation: 'england',
    contact: DEMO_BOROUGH_CONTACT,
    dataController: DEMO_BOROUGH_DATA_CONTROLLER,
    roles: BOROUGH_DEMO_ROLES,
    names: {
      person: 'Rachel Holloway',
      worker: 'Daniel Whitmore',
      manager: 'Helen Ashworth',
      finance: 'Gareth Pryce',
      analyst: 'Sophie Lambert',
      admin: 'Martin Crowther',
    },
    teams: ['Adult Social Care East', 'Adult Social Care West', 'Preparing for Adulthood'],
  },
];

/**
 * Seeds each demo council once: a council already there is left alone. Each council is one
 * transaction, so an interrupted seed leaves no half-made council behind.
 * Never runs in production mode. Returns the Scottish council's id (the one most tests use)
 * and the English one's.
 */
export async function seedDemo(
  db: Db,
  config: Config,
): Promise<{ created: boolean; authorityId: string; boroughAuthorityId: string }> {
  if (config.mode === 'production') throw new Error('The demo council is never created in production mode.');
  // Hashed only when a council is to be made: a start that finds both makes nothing.
  let passwordHash: string | undefined;
  const hash = async () => (passwordHash ??= await hashPassword(config.demoPassword));
  const ids: string[] = [];
  let created = false;
  for (const council of DEMO_COUNCILS) {
    const result = await seedCouncil(db, config, council, hash);
    ids.push(result.authorityId);
    created ||= result.created;
  }
  // The demo's platform operator: sets councils up, belongs to none (authority_id null), so it is
  // made outside any council's transaction (a council's row-level security refuses a row of none).
  if (created) {
    const operatorHash = await hash();
    await asSystem(db, (tx) =>
      tx
        .insert(users)
        .values({
          ...DEMO_OPERATOR,
          authorityId: null,
          role: 'operator',
          teamId: null,
          passwordHash: operatorHash,
        })
        .onConflictDoNothing(),
    );
  }
  return { created, authorityId: ids[0]!, boroughAuthorityId: ids[1]! };
}

async function seedCouncil(
  db: Db,
  config: Config,
  council: DemoCouncil,
  hash: () => Promise<string>,
): Promise<{ created: boolean; authorityId: string }> {
  const [existing] = await db.select().from(authorities).where(eq(authorities.code, council.code));
  if (existing) return { created: false, authorityId: existing.id };
  const passwordHash = await hash();
  return asSystem(db, async (tx) => {
    const [authority] = await tx
      .insert(authorities)
      .values({
        code: council.code,
        name: council.name,
        nation: council.nation,
        ...council.contact,
        ...council.dataController,
      })
      .returning();
    const authorityId = authority!.id;
    // From here on the seed is confined to this council as any service is (row-level security),
    // so a seeder that reads "every agreement" (a payment run) reads only this council's.
    await tx.execute(
      sql`select set_config('app.authority_id', ${authorityId}, true), set_config('role', ${APP_ROLE}, true)`,
    );
    const [north, south, children] = await tx
      .insert(teams)
      .values(
        council.teams.map((name, i) => ({
          authorityId,
          name,
          serves: i === 2 ? ('children_and_families' as const) : ('adults' as const),
          // The Scottish demo's localities (codes) are the people seeder's: features/people/seed.ts.
          localityCodes: council.nation === 'scotland' ? [['north', 'east'], ['south', 'west'], []][i]! : [],
        })),
      )
      .returning();
    const staffTeam: Partial<Record<Role, string>> = { worker: north!.id, manager: north!.id };
    const created = await tx
      .insert(users)
      .values(
        council.roles.map((role) => ({
          authorityId,
          email: demoEmail(role, council.code),
          displayName: council.names[role]!,
          role,
          teamId: staffTeam[role] ?? null,
          passwordHash,
        })),
      )
      .returning({ id: users.id, role: users.role });
    const context: DemoContext = {
      authorityId,
      nation: council.nation,
      councilName: council.name,
      email: (localPart) => demoEmail(localPart, council.code),
      users: Object.fromEntries(created.map((u) => [u.role, u.id])) as DemoContext['users'],
      teams: { north: north!.id, south: south!.id, children: children!.id },
      shared: { passwordHash, sessionSecret: config.sessionSecret, bankKeys: bankKeys(config) },
    };
    for (const seeder of DEMO_SEEDERS) await seeder(tx, context);
    return { created: true, authorityId };
  });
}

import { eq } from 'drizzle-orm';
import type { Config } from '../config.ts';
import { DEMO_SEEDERS } from '../features/seeders.ts';
import { bankKeys } from '../features/payments/index.ts';
import { DEMO_OPERATOR, DEMO_ROLES, demoEmail } from '../features/accounts/index.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import type { Role } from '../platform/auth/roles.ts';
import { teams, users } from '../platform/auth/schema.ts';
import type { Db } from '../platform/db/client.ts';
import { authorities } from '../platform/db/schema.ts';
import type { DemoContext } from '../platform/db/seeding.ts';
import { asSystem } from '../platform/db/transaction.ts';

export const DEMO_AUTHORITY_CODE = 'demo';

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

/** The demo council's data controller, for its privacy notice (UK GDPR Article 13); made up like the rest. */
export const DEMO_DATA_CONTROLLER = {
  dataControllerName: 'Demo Council',
  dataControllerAddress: 'Demo Council Offices\n1 Example Square\nDemotown\nZZ1 1ZZ',
  dataControllerEmail: 'information.governance@demo-council.example',
  dataProtectionOfficerEmail: 'dpo@demo-council.example',
  dataProtectionOfficerPhone: '0131 496 0199',
  icoRegistrationNumber: 'Z0000000',
} as const;

const DEMO_NAMES: Record<(typeof DEMO_ROLES)[number], string> = {
  person: 'Morag Campbell',
  representative: 'Fiona Reid',
  worker: 'Sam Okafor',
  manager: 'Priya Nair',
  finance: 'Alan Murray',
  support: 'Direct Payments Support Scotland (Kirsty Bell)',
  provider: 'Allied Home Care (Jo Grant)',
  analyst: 'Lewis Tait',
  admin: 'Ruth Douglas',
};

/**
 * Seeds the demo council once: a second run finds it and does nothing. Everything is one
 * transaction, so an interrupted seed leaves no half-made council behind.
 * Never runs in production mode.
 */
export async function seedDemo(db: Db, config: Config): Promise<{ created: boolean; authorityId: string }> {
  if (config.mode === 'production') throw new Error('The demo council is never created in production mode.');
  const [existing] = await db.select().from(authorities).where(eq(authorities.code, DEMO_AUTHORITY_CODE));
  if (existing) return { created: false, authorityId: existing.id };
  const passwordHash = await hashPassword(config.demoPassword);
  return asSystem(db, async (tx) => {
    const [authority] = await tx
      .insert(authorities)
      .values({
        code: DEMO_AUTHORITY_CODE,
        name: 'Demo Council',
        nation: 'scotland',
        ...DEMO_COUNCIL_CONTACT,
        ...DEMO_DATA_CONTROLLER,
      })
      .returning();
    const authorityId = authority!.id;
    const [north, south, children] = await tx
      .insert(teams)
      .values([
        // The localities (codes) are the people seeder's: features/people/seed.ts.
        {
          authorityId,
          name: 'Adult Community Care North',
          serves: 'adults',
          localityCodes: ['north', 'east'],
        },
        {
          authorityId,
          name: 'Adult Community Care South',
          serves: 'adults',
          localityCodes: ['south', 'west'],
        },
        { authorityId, name: 'Children and Families', serves: 'children_and_families' },
      ])
      .returning();
    const staffTeam: Partial<Record<Role, string>> = { worker: north!.id, manager: north!.id };
    const created = await tx
      .insert(users)
      .values(
        DEMO_ROLES.map((role) => ({
          authorityId,
          email: demoEmail(role),
          displayName: DEMO_NAMES[role],
          role,
          teamId: staffTeam[role] ?? null,
          passwordHash,
        })),
      )
      .returning({ id: users.id, role: users.role });
    // The demo's platform operator: sets councils up, belongs to none (authority_id null).
    await tx
      .insert(users)
      .values({ ...DEMO_OPERATOR, authorityId: null, role: 'operator', teamId: null, passwordHash })
      .onConflictDoNothing();
    const context: DemoContext = {
      authorityId,
      nation: 'scotland',
      users: Object.fromEntries(created.map((u) => [u.role, u.id])) as DemoContext['users'],
      teams: { north: north!.id, south: south!.id, children: children!.id },
      shared: { passwordHash, sessionSecret: config.sessionSecret, bankKeys: bankKeys(config) },
    };
    for (const seeder of DEMO_SEEDERS) await seeder(tx, context);
    return { created: true, authorityId };
  });
}

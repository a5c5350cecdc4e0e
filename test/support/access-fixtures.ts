import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { App } from '../../src/app.ts';
import { createApiToken, createSession, hashSecret } from '../../src/platform/auth/credentials.ts';
import type { Role } from '../../src/platform/auth/roles.ts';
import type { Db } from '../../src/platform/db/client.ts';
import { rows } from '../../src/platform/db/transaction.ts';
import { type TestApp, testApp } from './app.ts';
import { csrfFor } from './forms.ts';

/**
 * Everyone the access matrix asks about, each described by role and by how they relate to
 * one fixture person ("Pat") in the demo council. Written from the issue's words, not from
 * the policy code, so a wrong policy shows up as a mismatch rather than agreeing with itself.
 */
export const FIXTURE_NAMES = [
  'anonymous',
  'the person themselves',
  'representative in scope',
  'representative out of scope (expired)',
  'circle member with consent',
  'circle member, consent withdrawn',
  'support organisation with consent',
  'provider with a relationship',
  'allocated worker',
  'worker in the same team',
  'worker in another team',
  'team manager',
  'manager of another team',
  'finance officer',
  'analyst',
  'administrator',
  'worker of another council',
  'manager of another council',
  'worker in another team who broke glass',
  'platform operator',
] as const;

export type FixtureName = (typeof FIXTURE_NAMES)[number];

/** Each fixture's role (null: not signed in). */
export const FIXTURE_ROLES: Record<FixtureName, Role | null> = {
  anonymous: null,
  'the person themselves': 'person',
  'representative in scope': 'representative',
  'representative out of scope (expired)': 'representative',
  'circle member with consent': 'circle_member',
  'circle member, consent withdrawn': 'circle_member',
  'support organisation with consent': 'support',
  'provider with a relationship': 'provider',
  'allocated worker': 'worker',
  'worker in the same team': 'worker',
  'worker in another team': 'worker',
  'team manager': 'manager',
  'manager of another team': 'manager',
  'finance officer': 'finance',
  analyst: 'analyst',
  administrator: 'admin',
  'worker of another council': 'worker',
  'manager of another council': 'manager',
  'worker in another team who broke glass': 'worker',
  /** Sets councils up, belongs to none, and is refused every council's and person's route. */
  'platform operator': 'operator',
};

const HOLDING_THE_CASE: FixtureName[] = ['allocated worker', 'worker in the same team', 'team manager'];
/**
 * Breaking glass (an 8-hour, audited grant with a reason) lets a worker outside the case read
 * and work on it as those holding it do, but never decide (that is a manager's) and never
 * change who holds or may see the record: that would make the grant permanent.
 */
const BROKE_GLASS: FixtureName[] = ['worker in another team who broke glass'];

/**
 * Who should be allowed each person-scoped permission on Pat's record. From the issue:
 * the person; their representative within powers and dates; circle members and support
 * organisations only while consent stands; a provider only its own view of the person, for
 * the services it delivers (issue 12 item 16: not the record); the allocated
 * worker, the allocated team and its manager; finance for money; nobody from another council.
 */
export const EXPECTED_FOR_PERSON: Record<string, readonly FixtureName[]> = {
  'record.read': [
    'the person themselves',
    'representative in scope',
    'circle member with consent',
    'support organisation with consent',
    ...HOLDING_THE_CASE,
    ...BROKE_GLASS,
    'finance officer',
  ],
  /** "My support": the person and whoever is linked to the record today, whatever their scope. */
  'support.home': [
    'the person themselves',
    'representative in scope',
    'circle member with consent',
    'support organisation with consent',
  ],
  // A provider sees only what it needs to deliver its part of the plan, never the record.
  'service.read': ['provider with a relationship'],
  'equality.read': ['the person themselves', ...HOLDING_THE_CASE, ...BROKE_GLASS],
  'own_words.write': [
    'the person themselves',
    'representative in scope',
    'circle member with consent',
    ...HOLDING_THE_CASE,
    ...BROKE_GLASS,
  ],
  'case.write': [...HOLDING_THE_CASE, ...BROKE_GLASS],
  'case.decide': ['team manager'],
  'plan.sign': ['the person themselves', 'representative in scope'],
  'money.read': [
    'the person themselves',
    'representative in scope',
    'support organisation with consent',
    ...HOLDING_THE_CASE,
    ...BROKE_GLASS,
    'finance officer',
  ],
  'money.account': ['the person themselves', 'representative in scope', 'support organisation with consent'],
  'money.manage': ['finance officer'],
  'audit.own': ['the person themselves', 'representative in scope', ...HOLDING_THE_CASE, ...BROKE_GLASS],
  /** Allocation and accounts linked to the record: those holding the case, never breaking glass. */
  'access.grant': HOLDING_THE_CASE,
  /**
   * Invitations to accounts linked to the record (issue 14 item 1): those holding the case, and
   * the person or their representative for their own circle; never breaking glass.
   */
  'invitations.manage': ['the person themselves', 'representative in scope', ...HOLDING_THE_CASE],
  /** "Who can see my record": the person, their representative, and staff with the record. */
  'access.read': ['the person themselves', 'representative in scope', ...HOLDING_THE_CASE, ...BROKE_GLASS],
};

/** Council-wide permissions: by role alone, inside the actor's own council. */
export const EXPECTED_FOR_COUNCIL: Record<string, readonly Role[]> = {
  signed_in: [
    'person',
    'representative',
    'circle_member',
    'advocate',
    'worker',
    'manager',
    'finance',
    'support',
    'provider',
    'analyst',
    'admin',
  ],
  'caselist.read': ['worker', 'manager', 'finance'],
  'people.create': ['worker', 'manager'],
  'my.records': ['person', 'representative', 'circle_member', 'advocate', 'support', 'provider'],
  'audit.search': ['manager', 'admin'],
  'users.manage': ['admin'],
  'policy.manage': ['admin'],
  'policy.preview': ['admin', 'manager'],
  'reports.aggregate': ['analyst', 'manager', 'admin'],
  'payments.run': ['finance'],
  'funding_streams.read': ['worker', 'manager', 'finance', 'analyst', 'admin'],
  'payments.settings.read': ['admin', 'finance'],
  'ledger.manage': ['finance'],
  'caseload.import': ['admin'],
  'crisis.approve': ['manager'],
  'break_glass.request': ['worker', 'manager'],
  /** Creating and changing councils: the platform operator only, never a council's account. */
  'councils.manage': ['operator'],
};

export interface Fixture {
  name: FixtureName;
  role: Role | null;
  userId: string | null;
  /** Signed session cookie value for pages, and the token hash to notice when it ends. */
  cookie: string | null;
  sessionHash: string | null;
  token: string | null;
}

export interface AccessWorld {
  authorityId: string;
  otherAuthorityId: string;
  personId: string;
  fixtures: Fixture[];
}

const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

async function one<T>(db: Db, query: ReturnType<typeof sql>): Promise<T> {
  const [row] = await rows<T>(db, query);
  if (!row) throw new Error('fixture insert returned nothing');
  return row;
}

/**
 * Builds the fixture world as the database owner: Pat in the demo council allocated to a
 * worker in team A, everyone else related (or not) as named, and a second council with its
 * own team. Every fixture gets a session and an API token once.
 */
export async function buildAccessWorld(app: App, db: Db, authorityId: string): Promise<AccessWorld> {
  const suffix = randomUUID().slice(0, 8);
  const other = await one<{ id: string }>(
    db,
    sql`insert into authorities (code, name, nation) values (${`other-${suffix}`}, 'Other Council', 'england')
        returning id`,
  );
  const team = async (council: string, name: string) =>
    (
      await one<{ id: string }>(
        db,
        sql`insert into teams (authority_id, name) values (${council}, ${name}) returning id`,
      )
    ).id;
  const teamA = await team(authorityId, `Matrix team A ${suffix}`);
  const teamB = await team(authorityId, `Matrix team B ${suffix}`);
  const otherTeam = await team(other.id, `Other council team ${suffix}`);

  const homes: Partial<Record<FixtureName, { council: string | null; team: string | null }>> = {
    'allocated worker': { council: authorityId, team: teamA },
    'worker in the same team': { council: authorityId, team: teamA },
    'worker in another team': { council: authorityId, team: teamB },
    'worker in another team who broke glass': { council: authorityId, team: teamB },
    'team manager': { council: authorityId, team: teamA },
    'manager of another team': { council: authorityId, team: teamB },
    'worker of another council': { council: other.id, team: otherTeam },
    'manager of another council': { council: other.id, team: otherTeam },
    'platform operator': { council: null, team: null },
  };
  const userIds = new Map<FixtureName, string>();
  for (const [index, name] of FIXTURE_NAMES.entries()) {
    const role = FIXTURE_ROLES[name];
    if (!role) continue;
    const home = homes[name] ?? { council: authorityId, team: null };
    const user = await one<{ id: string }>(
      db,
      sql`insert into users (authority_id, email, display_name, role, team_id)
          values (${home.council}, ${`matrix-${index}-${suffix}@example.test`}, ${`Matrix ${name}`}, ${role}, ${home.team})
          returning id`,
    );
    userIds.set(name, user.id);
  }

  const person = await one<{ id: string }>(
    db,
    sql`insert into people (authority_id, legal_name, date_of_birth, client_group, allocated_team_id, allocated_worker_id)
        values (${authorityId}, ${`Pat Matrix ${suffix}`}, '1985-05-05',
                (select client_group from people where authority_id = ${authorityId} limit 1),
                ${teamA}, ${userIds.get('allocated worker')!})
        returning id`,
  );
  const relate = (
    name: FixtureName,
    kind: string,
    powers: string[],
    dates: { from: string; to?: string; withdrawn?: string },
  ) =>
    db.execute(
      sql`insert into person_relationships
            (authority_id, person_id, user_id, kind, powers, valid_from, valid_to, consent_withdrawn_on)
          values (${authorityId}, ${person.id}, ${userIds.get(name)!}, ${kind},
                  ${`{${powers.join(',')}}`}::text[], ${dates.from}, ${dates.to ?? null}, ${dates.withdrawn ?? null})`,
    );
  const allPowers = ['view_record', 'welfare_decisions', 'sign_support_plan', 'financial_decisions'];
  await relate('the person themselves', 'self', [], { from: '2020-01-01' });
  await relate('representative in scope', 'representative', allPowers, { from: '2020-01-01' });
  await relate('representative out of scope (expired)', 'representative', allPowers, {
    from: '2015-01-01',
    to: daysAgo(30),
  });
  await relate('circle member with consent', 'circle_member', ['view_record', 'contribute'], {
    from: '2020-01-01',
  });
  await relate('circle member, consent withdrawn', 'circle_member', ['view_record', 'contribute'], {
    from: '2020-01-01',
    withdrawn: daysAgo(1),
  });
  await relate(
    'support organisation with consent',
    'support_organisation',
    ['view_record', 'manage_direct_payment'],
    { from: '2020-01-01' },
  );
  await relate('provider with a relationship', 'provider', [], { from: today() });
  await db.execute(
    sql`insert into break_glass_grants (authority_id, user_id, person_id, reason, expires_at)
        values (${authorityId}, ${userIds.get('worker in another team who broke glass')!}, ${person.id},
                'Crisis call while the allocated worker is away', now() + interval '8 hours')`,
  );

  const fixtures: Fixture[] = [];
  for (const name of FIXTURE_NAMES) {
    const userId = userIds.get(name) ?? null;
    fixtures.push({ name, role: FIXTURE_ROLES[name], userId, cookie: null, sessionHash: null, token: null });
  }
  for (const fixture of fixtures) await renewCredentials(app, db, fixture);
  return { authorityId, otherAuthorityId: other.id, personId: person.id, fixtures };
}

/** A fresh session and token; used once at the start and again if a route ended them (sign-out, revoke). */
export async function renewCredentials(app: App, db: Db, fixture: Fixture): Promise<void> {
  if (!fixture.userId) return;
  const session = await createSession(db, fixture.userId);
  fixture.cookie = app.signCookie(session);
  fixture.sessionHash = hashSecret(session);
  fixture.token = (await createApiToken(db, fixture.userId)).token;
}

/** Did the last request end this fixture's session or token (sign-out, token revocation)? */
export async function credentialsEnded(db: Db, fixture: Fixture): Promise<boolean> {
  if (!fixture.userId) return false;
  const [state] = await rows<{ session: boolean; token: boolean }>(
    db,
    sql`select exists (select 1 from sessions where token_hash = ${fixture.sessionHash}) as session,
               exists (select 1 from api_tokens where token_hash = ${hashSecret(fixture.token!)}
                       and revoked_at is null) as token`,
  );
  return !state?.session || !state.token;
}

/**
 * What the route walkers (access-matrix, hostile-input) start from: the app on a seeded copy,
 * the access world built in it, and a CSRF cookie and token for page posts.
 */
export async function routeWalkSetUp(): Promise<{
  t: TestApp;
  world: AccessWorld;
  csrf: { cookie: string; token: string };
}> {
  const t = await testApp();
  const world = await buildAccessWorld(t.app, t.database.db, t.authorityId);
  const { secret, token } = await csrfFor(t.app);
  return { t, world, csrf: { cookie: secret, token } };
}

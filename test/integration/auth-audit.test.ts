import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CouncilAccess } from '../../src/platform/auth/access.ts';
import { createSession } from '../../src/platform/auth/credentials.ts';
import { auditedCouncilRead, recordAudit, verifyAuditChain } from '../../src/platform/audit/index.ts';
import { type Database, openDatabase } from '../../src/platform/db/client.ts';
import { migrate } from '../../src/platform/db/migrate.ts';
import { rows } from '../../src/platform/db/transaction.ts';
import { apiToken, bearer, demoPersonId, type TestApp, testApp } from '../support/app.ts';
import { clusterDatabase, testDbKind } from '../support/db.ts';
import { runEntryPoint } from '../support/process.ts';
import { formPost as postForm } from '../support/forms.ts';

/**
 * The database for this file is one the `selfdirect` command can open too (a PGlite
 * directory or a PostgreSQL database by URL), so the CLI's verdict is tested on the
 * very rows the app wrote.
 */
async function sharedDatabase(): Promise<{ database: Database; env: Record<string, string>; drop(): void }> {
  if (testDbKind() === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'sd-audit-'));
    const database = await openDatabase({ dataDir: dir });
    await migrate(database);
    return { database, env: { DATA_DIR: dir }, drop: () => rmSync(dir, { recursive: true, force: true }) };
  }
  const { database, url } = await clusterDatabase('selfdirect_audit');
  return { database, env: { DATABASE_URL: url }, drop: () => {} };
}

/** The `selfdirect` command as a real process. */
const runCli = (args: string[], env: Record<string, string>) => runEntryPoint('src/cli/index.ts', args, env);

let t: TestApp;
let shared: Awaited<ReturnType<typeof sharedDatabase>>;
let morag: string;
beforeAll(async () => {
  shared = await sharedDatabase();
  t = await testApp({ database: shared.database });
  morag = await demoPersonId(t);
}, 120_000);
let closed = false;
afterAll(async () => {
  if (!closed) await t.close();
  shared.drop();
});

/** A member of staff made for one test, with a signed session cookie. */
async function staff(role: 'worker' | 'manager', teamName: string) {
  const email = `${role}-${randomBytes(4).toString('hex')}@example.test`;
  const [user] = await rows<{ id: string }>(
    t.database.db,
    sql`insert into users (authority_id, email, display_name, role, team_id)
        values (${t.authorityId}, ${email}, ${`Test ${role} of ${teamName}`}, ${role},
                (select id from teams where authority_id = ${t.authorityId} and name = ${teamName}))
        returning id`,
  );
  const session = await createSession(t.database.db, user!.id);
  return { id: user!.id, cookie: `selfdirect_session=${t.app.signCookie(session)}` };
}

const formPost = (url: string, cookie: string, fields: Record<string, string>) =>
  postForm(t.app, url, cookie, fields);

describe('break glass', () => {
  it('lets an unallocated worker in only with a reason, flags it to the team manager and shows it to the person', async () => {
    const outsider = await staff('worker', 'Adult Community Care South');
    const whoLooked = `/people/${morag}/who-looked`;
    const first = await t.app.inject({ url: whoLooked, headers: { cookie: outsider.cookie } });
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe(`/people/${morag}/break-glass?next=${encodeURIComponent(whoLooked)}`);

    const tooShort = await formPost(`/people/${morag}/break-glass`, outsider.cookie, {
      reason: 'need',
      next: whoLooked,
    });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.body).toContain('Explain why you need to open this record');
    expect(tooShort.body).toContain('>need</textarea>');

    const reason = 'Covering the duty desk: Morag phoned in distress';
    const opened = await formPost(`/people/${morag}/break-glass`, outsider.cookie, {
      reason,
      next: whoLooked,
    });
    expect(opened.statusCode).toBe(303);
    expect(opened.headers.location).toBe(whoLooked);
    expect((await t.app.inject({ url: whoLooked, headers: { cookie: outsider.cookie } })).statusCode).toBe(
      200,
    );

    // The person sees it, in plain words with the reason.
    const token = await apiToken(t.app, 'person');
    const events = (
      await t.app.inject({ url: `/api/v1/people/${morag}/audit`, headers: bearer(token) })
    ).json().events as { who: string; breakGlass: boolean; reason: string | null; what: string }[];
    const flagged = events.filter(
      (e) => e.breakGlass && e.who === 'Test worker of Adult Community Care South',
    );
    expect(flagged.length).toBeGreaterThanOrEqual(2); // opening it, then reading with the grant
    expect(flagged.every((e) => e.reason === reason)).toBe(true);
    expect(flagged.map((e) => e.what)).toContain(
      'opened your record without being your worker, and gave a reason',
    );

    // Morag's team manager sees it; a manager of an unrelated team does not.
    const northManager = await staff('manager', 'Adult Community Care North');
    const review = await t.app.inject({
      url: '/audit/break-glass',
      headers: { cookie: northManager.cookie },
    });
    expect(review.statusCode).toBe(200);
    expect(review.body).toContain(reason);
    expect(review.body).toContain('Test worker of Adult Community Care South');
    const childrenManager = await staff('manager', 'Children and Families');
    const elsewhere = await t.app.inject({
      url: '/audit/break-glass',
      headers: { cookie: childrenManager.cookie },
    });
    expect(elsewhere.statusCode).toBe(200);
    expect(elsewhere.body).not.toContain(reason);
    // The outsider's own team manager (South) sees it too.
    const southManager = await staff('manager', 'Adult Community Care South');
    const own = await t.app.inject({ url: '/audit/break-glass', headers: { cookie: southManager.cookie } });
    expect(own.body).toContain(reason);
  });
});

describe('subject access request', () => {
  it('gives the person everything held about them as a readable page, a PDF and JSON, and logs each copy', async () => {
    const token = await apiToken(t.app, 'person');
    const json = await t.app.inject({ url: `/api/v1/people/${morag}/export`, headers: bearer(token) });
    expect(json.statusCode).toBe(200);
    const data = json.json() as { person: Record<string, unknown>; sections: Record<string, unknown[]> };
    expect(data.person.legal_name).toBe('Morag Campbell');
    expect(data.person.date_of_birth).toBe('1979-03-14');
    expect(data.sections.person_relationships?.map((r) => (r as { kind: string }).kind)).toContain('self');

    const person = await rows<{ id: string }>(
      t.database.db,
      sql`select id from users where email = 'person@demo.selfdirect.test'`,
    );
    const cookie = `selfdirect_session=${t.app.signCookie(await createSession(t.database.db, person[0]!.id))}`;
    const page = await t.app.inject({ url: `/people/${morag}/export`, headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Everything we hold about Morag');
    expect(page.body).toContain('Your details');
    expect(page.body).toContain('14 March 1979');
    expect(page.body).toContain('People who can act for you or help you');
    expect(page.body).not.toContain(t.authorityId); // internal references stay in the JSON copy

    const pdf = await t.app.inject({ url: `/people/${morag}/export.pdf`, headers: { cookie } });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.length).toBeGreaterThan(1500);

    const download = await t.app.inject({ url: `/people/${morag}/export.json`, headers: { cookie } });
    expect(download.headers['content-disposition']).toContain('attachment');
    expect(JSON.parse(download.body).person.legal_name).toBe('Morag Campbell');

    const [logged] = await rows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_events where person_id = ${morag} and action = 'record.export'`,
    );
    expect(logged!.n).toBe(4);
  });

  it('links "who has looked" from the person’s and the representative’s own account page', async () => {
    for (const [role, text] of [
      ['person', 'See who has looked at your record'],
      ['representative', 'See who has looked at Callum’s record'],
    ] as const) {
      const [user] = await rows<{ id: string }>(
        t.database.db,
        sql`select id from users where email = ${`${role}@demo.selfdirect.test`}`,
      );
      const cookie = `selfdirect_session=${t.app.signCookie(await createSession(t.database.db, user!.id))}`;
      const page = await t.app.inject({ url: '/account', headers: { cookie } });
      expect(page.body).toContain(text);
      const link = /href="(\/people\/[^"]+\/who-looked)"/.exec(page.body)![1]!;
      expect((await t.app.inject({ url: link, headers: { cookie } })).statusCode).toBe(200);
    }
  });
});

describe('searching and logging the audit log', () => {
  it('lets a manager filter by who acted, and explains a bad date', async () => {
    const manager = await staff('manager', 'Adult Community Care North');
    await apiToken(t.app, 'person').then((token) =>
      t.app.inject({ url: `/api/v1/people/${morag}/audit`, headers: bearer(token) }),
    );
    const byPerson = await t.app.inject({ url: '/audit?actor=morag', headers: { cookie: manager.cookie } });
    expect(byPerson.statusCode).toBe(200);
    const names = [
      ...byPerson.body.matchAll(/<a class="govuk-link" href="\/audit\?actor=[^"]+">([^<]+)<\/a>/g),
    ].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(0);
    expect(new Set(names)).toEqual(new Set(['Morag Campbell']));
    const byEmail = await t.app.inject({
      url: '/audit?actor=person%40demo',
      headers: { cookie: manager.cookie },
    });
    expect(byEmail.body).toContain('Morag Campbell');

    const bad = await t.app.inject({
      url: '/audit?from=2026-02-30&to=soon',
      headers: { cookie: manager.cookie },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('There is a problem');
    expect(bad.body).toContain('From must be a real date written like 2026-03-31');
    expect(bad.body).toContain('value="soon"');
  });

  it('logs a council-level (aggregate) read with the question asked and the size of the answer', async () => {
    const [analyst] = await rows<{ id: string; display_name: string }>(
      t.database.db,
      sql`select id, display_name from users where email = 'analyst@demo.selfdirect.test'`,
    );
    const access: CouncilAccess = {
      kind: 'council',
      actor: {
        userId: analyst!.id,
        authorityId: t.authorityId,
        role: 'analyst',
        teamId: null,
        displayName: analyst!.display_name,
        email: 'analyst@demo.selfdirect.test',
        via: 'token',
        credentialHash: 'x',
      },
      authorityId: t.authorityId,
      permission: 'reports.aggregate',
      route: 'GET /reports/equity',
    };
    const groups = await auditedCouncilRead(
      t.database.db,
      access,
      'reports.equity.read',
      { by: 'client_group' },
      (tx) =>
        rows<{ client_group: string; n: number }>(
          tx,
          sql`select client_group, count(*)::int as n from people group by client_group`,
        ),
    );
    const [event] = await rows<{ actor_role: string; detail: { question: unknown; rows: number } }>(
      t.database.db,
      sql`select actor_role, detail from audit_events where action = 'reports.equity.read' order by seq desc limit 1`,
    );
    expect(event!.actor_role).toBe('analyst');
    expect(event!.detail).toEqual({ question: { by: 'client_group' }, rows: groups.length });
  });
});

describe('the audit hash chain', () => {
  it('verifies intact, then finds a row edited behind the application’s back — in the app, the API and the CLI', async () => {
    const db = t.database.db;
    const intact = await verifyAuditChain(db, t.authorityId);
    expect(intact.checked).toBeGreaterThan(3);
    expect(intact.brokenAt).toBeNull();
    const manager = await apiToken(t.app, 'manager');
    expect(
      (await t.app.inject({ url: '/api/v1/audit/verify', headers: bearer(manager) })).json().brokenAt,
    ).toBeNull();
    // A second council whose chain nobody touches, to show the check names the broken one.
    const [other] = await rows<{ id: string }>(
      db,
      sql`insert into authorities (code, name, nation) values ('untouched', 'Untouched Council', 'england') returning id`,
    );
    for (const action of ['audit.search', 'audit.verify'] as const) {
      await recordAudit(db, {
        actor: { userId: 'a0000000-0000-4000-8000-000000000000', role: 'admin', displayName: 'Someone' },
        authorityId: other!.id,
        personId: null,
        action,
        route: 'test',
        outcome: 'allowed',
      });
    }

    // Only a superuser can do this, and only by switching off the refusing trigger.
    await expect(db.execute(sql`update audit_events set reason = 'edited' where seq = 3`)).rejects.toThrow();
    await db.execute(sql`alter table audit_events disable trigger refuse_change`);
    await db.execute(
      sql`update audit_events set reason = 'nothing to see here' where authority_id = ${t.authorityId} and seq = 3`,
    );
    await db.execute(sql`alter table audit_events enable trigger refuse_change`);

    const broken = await verifyAuditChain(db, t.authorityId);
    expect(broken.brokenAt).toBe(3);
    const api = await t.app.inject({ url: '/api/v1/audit/verify', headers: bearer(manager) });
    expect(api.json().brokenAt).toBe(3);
    const northManager = await staff('manager', 'Adult Community Care North');
    const page = await t.app.inject({ url: '/audit/verify', headers: { cookie: northManager.cookie } });
    expect(page.body).toContain('The audit log has been tampered with');
    expect(page.body).toContain('Event 3 does not match');

    // The command opens the same database in its own process (PGlite allows one at a time).
    await t.close();
    closed = true;
    const run = await runCli(['verify-audit'], shared.env);
    expect(run.stdout).toMatch(/Demo Council: \d+ events, chain BROKEN at event 3/);
    expect(run.stdout).toContain('Untouched Council: 2 events, chain intact');
    expect(run.code).toBe(1);
  }, 120_000);
});

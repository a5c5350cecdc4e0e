import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, createSession } from '../../src/platform/auth/credentials.ts';
import { rows } from '../../src/platform/db/transaction.ts';
import { apiToken, bearer, demoPersonId, problem, type TestApp, testApp } from '../support/app.ts';
import { formPost as postForm } from '../support/forms.ts';

/**
 * Breaking glass is an 8-hour, audited grant to work on a record outside one's relationship.
 * It must never turn itself into lasting access: the worker cannot allocate the person to
 * themselves, nor link accounts to the circle or as representatives, nor widen a linked
 * representative's authority. Those need the team manager or an existing allocation.
 */
let t: TestApp;
let morag: string;
/** Ewan Fraser, a worker in the south team; Morag is held by the north team. */
let ewan: { id: string; teamId: string; token: string; cookie: string };

const allocation = () =>
  rows<{ worker: string | null; team: string | null; version: number }>(
    t.database.db,
    sql`select allocated_worker_id as worker, allocated_team_id as team, version from people where id = ${morag}`,
  ).then((r) => r[0]!);

/** Refusals to change who holds or can see the record, by what was asked ('allocation', 'circle', …). */
const denials = (what: string) =>
  rows<{ n: number }>(
    t.database.db,
    sql`select count(*)::int as n from audit_events
         where person_id = ${morag} and actor_user_id = ${ewan.id} and outcome = 'denied'
           and action = 'access.grant.refuse' and detail->>'what' = ${what}`,
  ).then((r) => r[0]!.n);

/** A page form post as Ewan, carrying the CSRF token a browser would have. */
const formPost = (url: string, fields: Record<string, string>) => postForm(t.app, url, ewan.cookie, fields);
const pageGet = (url: string) => t.app.inject({ url, headers: { cookie: ewan.cookie } });
const api = (method: 'GET' | 'POST' | 'PATCH', url: string, token: string, payload?: object) =>
  t.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });

beforeAll(async () => {
  t = await testApp();
  morag = await demoPersonId(t);
  const [user] = await rows<{ id: string; teamId: string }>(
    t.database.db,
    sql`select id, team_id as "teamId" from users where email = 'worker.south@demo.selfdirect.test'`,
  );
  ewan = {
    ...user!,
    token: (await createApiToken(t.database.db, user!.id)).token,
    cookie: `selfdirect_session=${t.app.signCookie(await createSession(t.database.db, user!.id))}`,
  };
  // Before breaking glass Ewan is sent to the break-glass question; then he gives a reason.
  expect((await api('GET', `/api/v1/people/${morag}`, ewan.token)).statusCode).toBe(403);
  const opened = await formPost(`/people/${morag}/break-glass`, {
    reason: 'Morag rang the duty line in crisis and her worker is away',
    next: `/people/${morag}`,
  });
  expect(opened.statusCode).toBe(303);
});
afterAll(() => t.close());

describe('after breaking glass', () => {
  it('the worker reads and works on the record through the API', async () => {
    expect((await api('GET', `/api/v1/people/${morag}`, ewan.token)).statusCode).toBe(200);
    const { version } = await allocation();
    const saved = await api('PATCH', `/api/v1/people/${morag}`, ewan.token, {
      version,
      crisis: true,
      crisisReason: 'Carer in hospital',
    });
    expect(saved.statusCode).toBe(200);
  });

  it('the worker cannot open the allocation question either: refused and audited, though the page view’s own work rolls back', async () => {
    const deniedBefore = await denials('allocation');
    const refused = await pageGet(`/people/${morag}/edit/allocation`);
    expect(refused.statusCode).toBe(403);
    expect(await denials('allocation')).toBe(deniedBefore + 1);
  });

  it('the worker cannot allocate the person to themselves through the API: refused, said why, audited', async () => {
    const before = await allocation();
    const deniedBefore = await denials('allocation');
    const refused = await api('PATCH', `/api/v1/people/${morag}`, ewan.token, {
      version: before.version,
      allocatedTeamId: ewan.teamId,
      allocatedWorkerId: ewan.id,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().detail).toMatch(/breaking glass/i);
    expect(refused.json().detail).toMatch(/team manager/i);
    expect(await allocation()).toEqual(before);
    expect(await denials('allocation')).toBe(deniedBefore + 1);
    // Nor only the worker, nor only the team.
    for (const change of [{ allocatedWorkerId: ewan.id }, { allocatedTeamId: ewan.teamId }]) {
      const again = await api('PATCH', `/api/v1/people/${morag}`, ewan.token, {
        version: before.version,
        ...change,
      });
      expect(again.statusCode).toBe(403);
    }
    expect(await allocation()).toEqual(before);
    // Sending the allocation unchanged alongside other work is not a change of allocation.
    const unchanged = await api('PATCH', `/api/v1/people/${morag}`, ewan.token, {
      version: before.version,
      allocatedTeamId: before.team,
      allocatedWorkerId: before.worker,
      crisis: false,
    });
    expect(unchanged.statusCode).toBe(200);
  });

  it('the worker cannot allocate the person to themselves on the pages, and is not offered to', async () => {
    const record = await pageGet(`/people/${morag}`);
    expect(record.statusCode).toBe(200);
    expect(record.body).not.toContain(`/people/${morag}/edit/allocation`);
    expect(record.body).toContain(`/people/${morag}/edit/`); // other parts still change

    const question = await pageGet(`/people/${morag}/edit/allocation`);
    expect(question.statusCode).toBe(403);
    expect(question.body).toMatch(/breaking glass/i);

    const before = await allocation();
    const saved = await formPost(`/people/${morag}/edit/allocation`, {
      _step: 'confirm',
      version: String(before.version),
      allocatedTeamId: ewan.teamId,
      allocatedWorkerId: ewan.id,
    });
    expect(saved.statusCode).toBe(403);
    expect(saved.body).toMatch(/breaking glass/i);
    expect(await allocation()).toEqual(before);
  });

  it('the worker cannot give anyone lasting access: no linked circle account or representative', async () => {
    const circle = {
      name: 'Eilidh Campbell',
      relationship: 'Sister',
      maySee: ['view_record'],
      consentFrom: '2026-01-01',
    };
    const linked = await api('POST', `/api/v1/people/${morag}/circle`, ewan.token, {
      ...circle,
      accountEmail: 'circle@demo.selfdirect.test',
    });
    expect(linked.statusCode).toBe(403);
    expect(problem(linked).type).toContain('forbidden');
    // Recording who is in the circle without an account gives no access, so it is case work.
    expect((await api('POST', `/api/v1/people/${morag}/circle`, ewan.token, circle)).statusCode).toBe(201);

    const representative = {
      name: 'Fiona Reid',
      kind: 'welfare_power_of_attorney',
      powers: ['view_record', 'welfare_decisions'],
      startDate: '2024-01-01',
      evidenceReference: 'OPG PA-9',
    };
    const rep = await api('POST', `/api/v1/people/${morag}/representatives`, ewan.token, {
      ...representative,
      accountEmail: 'representative@demo.selfdirect.test',
    });
    expect(rep.statusCode).toBe(403);
    expect(await denials('circle')).toBe(1);
    expect(await denials('representative')).toBe(1);
  });

  it('the worker cannot widen a linked representative’s authority, but can end it', async () => {
    const holder = await apiToken(t.app, 'worker'); // Morag's allocated worker
    const added = await api('POST', `/api/v1/people/${morag}/representatives`, holder, {
      name: 'Fiona Reid',
      kind: 'welfare_power_of_attorney',
      powers: ['welfare_decisions'],
      startDate: '2024-01-01',
      evidenceReference: 'OPG PA-10',
      accountEmail: 'representative@demo.selfdirect.test',
    });
    expect(added.statusCode).toBe(201);
    const id = added.json().id as string;
    const widened = await api('POST', `/api/v1/people/${morag}/representatives/${id}/change`, ewan.token, {
      powers: ['welfare_decisions', 'view_record', 'financial_decisions'],
      changeFrom: '2025-01-01',
      evidenceReference: 'OPG PA-10 varied',
    });
    expect(widened.statusCode).toBe(403);
    expect(widened.json().detail).toMatch(/breaking glass/i);
    const ended = await api('POST', `/api/v1/people/${morag}/representatives/${id}/end`, ewan.token, {
      endDate: '2025-06-30',
    });
    expect(ended.statusCode).toBe(200);
  });
});

describe('who may change the allocation', () => {
  it('the team manager and the allocated worker may; the change is saved', async () => {
    const manager = await apiToken(t.app, 'manager');
    const before = await allocation();
    const [other] = await rows<{ id: string }>(
      t.database.db,
      sql`select id from users where email = 'manager@demo.selfdirect.test'`,
    );
    const moved = await api('PATCH', `/api/v1/people/${morag}`, manager, {
      version: before.version,
      allocatedWorkerId: other!.id,
    });
    expect(moved.statusCode).toBe(200);
    expect((await allocation()).worker).toBe(other!.id);
    // The manager, now the allocated worker too, hands it back.
    const back = await api('PATCH', `/api/v1/people/${morag}`, manager, {
      version: moved.json().version,
      allocatedWorkerId: before.worker,
    });
    expect(back.statusCode).toBe(200);
    expect((await allocation()).worker).toBe(before.worker);
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../platform/auth/credentials.ts';
import { rows } from '../../platform/db/transaction.ts';
import { demoEmail } from '../accounts/index.ts';
import { apiToken, bearer, demoPersonId, problem, type TestApp, testApp } from '../../../test/support/app.ts';

/**
 * Issue 12 item 16: a provider sees only what it needs to deliver its part of the plan.
 * The demo provider (Allied Home Care) gives Nessie the back-up care the council arranges; her
 * plan also has a housing support worker and a personal assistant, given by others.
 */
let t: TestApp;
let provider: string;
let worker: string;
let nessie: string;
let morag: string;
let identifiers: { chi: string | null; nhs: string | null; dob: string };

beforeAll(async () => {
  t = await testApp();
  provider = await apiToken(t.app, 'provider');
  worker = await apiToken(t.app, 'worker');
  nessie = await demoPersonId(t, 'Agnes Thomson');
  morag = await demoPersonId(t);
  [identifiers] = (await rows<typeof identifiers>(
    t.database.db,
    sql`select chi_number as chi, nhs_number as nhs, date_of_birth::text as dob from people where id = ${nessie}`,
  )) as [typeof identifiers];
}, 120_000);
afterAll(() => t.close());

const get = (token: string, url: string) => t.app.inject({ url, headers: bearer(token) });

describe('a provider', () => {
  it('is refused the record, conversations, outcomes, eligibility, budget, plan, equality and payments', async () => {
    const refused: string[] = [];
    for (const path of [
      '',
      '/conversations',
      '/outcomes',
      '/eligibility',
      '/budget',
      '/plan',
      '/plan/pdf',
      '/equality',
      '/charging',
      '/payments',
      '/payments/statement',
    ]) {
      const response = await get(provider, `/api/v1/people/${nessie}${path}`);
      if (response.statusCode !== 403) refused.push(`${path || '/'} → ${response.statusCode}`);
    }
    expect(refused).toEqual([]);
  });

  it('reads its own view: names, contact, communication and only the support it gives', async () => {
    const response = await get(provider, `/api/v1/people/${nessie}/service`);
    expect(response.statusCode).toBe(200);
    const view = response.json();
    expect(view.person).toMatchObject({
      name: 'Nessie',
      legalName: 'Agnes Thomson',
      preferredName: 'Nessie',
    });
    expect(view.plan.version).toBeGreaterThanOrEqual(1);
    expect(view.part.lines).toEqual([
      {
        description: 'Council-arranged back-up support',
        frequency: 'About 1 hour a week, when needed',
        outcome: expect.objectContaining({ personWords: 'I want to stay in my own house.' }),
      },
    ]);
    expect(view.part.contingency).toContain('If my assistant cannot come');
    expect(view.part.risks.map((r: { description: string }) => r.description)).toEqual([
      'Using the stairs at night',
    ]);

    const body = response.body;
    for (const hidden of [
      'Personal assistant in the morning',
      'Day centre',
      'weeklyCost',
      'chiNumber',
      'nhsNumber',
    ])
      expect(body).not.toContain(hidden);
    for (const value of [identifiers.chi, identifiers.nhs, identifiers.dob].filter(Boolean))
      expect(body).not.toContain(value);
  });

  it('writes one audit row for its view, naming the person', async () => {
    const count = async () =>
      (
        await rows<{ n: number }>(
          t.database.db,
          sql`select count(*)::int as n from audit_events
              where person_id = ${nessie} and action = 'service.read' and outcome = 'allowed'`,
        )
      )[0]!.n;
    const before = await count();
    await get(provider, `/api/v1/people/${nessie}/service`);
    expect(await count()).toBe(before + 1);
  });

  it('shows the same view as a page, opened from "My support", without identifiers', async () => {
    const [user] = await rows<{ id: string }>(
      t.database.db,
      sql`select id from users where email = ${demoEmail('provider')}`,
    );
    const cookie = `selfdirect_session=${t.app.signCookie(await createSession(t.database.db, user!.id))}`;
    // One person supported: "My support" goes straight to the service view, never the record.
    const list = await t.app.inject({ url: '/my', headers: { cookie } });
    expect(list.statusCode).toBe(303);
    expect(list.headers.location).toBe(`/my/${nessie}/service`);
    const page = await t.app.inject({ url: `/my/${nessie}/service`, headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Council-arranged back-up support');
    expect(page.body).toContain('I want to stay in my own house.');
    expect(page.body).not.toContain('Housing support worker');
    for (const value of [identifiers.chi, identifiers.nhs].filter(Boolean))
      expect(page.body).not.toContain(value);
    expect((await t.app.inject({ url: `/my/${nessie}`, headers: { cookie } })).statusCode).toBe(403);
  });

  it('is refused the view of someone it does not support', async () => {
    expect((await get(provider, `/api/v1/people/${morag}/service`)).statusCode).toBe(403);
  });
});

describe('naming who gives a piece of support', () => {
  it('accepts as the one who gives a line only a provider working with the person', async () => {
    // Someone holding Nessie's case: a worker or manager of the team she is allocated to.
    const [holder] = await rows<{ email: string }>(
      t.database.db,
      sql`select u.email from users u join people p on p.allocated_team_id = u.team_id
          where p.id = ${nessie} and u.role in ('worker', 'manager') order by u.role desc limit 1`,
    );
    const manager = await apiToken(t.app, holder!.email);
    const send = (method: 'GET' | 'POST' | 'PUT', path: string, payload?: object) =>
      t.app.inject({ method, url: `/api/v1/people/${nessie}${path}`, headers: bearer(manager), payload });
    const current = (await send('GET', '/plan')).json();
    const draft = await send('POST', '/plan/new-version', { rowVersion: current.plan.rowVersion });
    expect(draft.statusCode).toBe(201);
    const [ids] = await rows<{ provider: string; worker: string }>(
      t.database.db,
      sql`select (select id from users where email = ${demoEmail('provider')}) as provider,
                 (select id from users where email = ${demoEmail('worker')}) as worker`,
    );
    const content = current.content as { costLines: { description: string; deliveredBy?: string }[] };
    const withProvider = (id: string) => ({
      ...content,
      costLines: content.costLines.map((line, i) => (i === 0 ? { ...line, deliveredBy: id } : line)),
    });

    const wrong = await send('PUT', '/plan', {
      rowVersion: draft.json().rowVersion,
      content: withProvider(ids!.worker),
    });
    expect(wrong.statusCode).toBe(400);
    expect(problem(wrong).errors?.map((e) => e.field)).toEqual([
      expect.stringMatching(/costLines\[0\]\.deliveredBy$/),
    ]);

    const right = await send('PUT', '/plan', {
      rowVersion: draft.json().rowVersion,
      content: withProvider(ids!.provider),
    });
    expect(right.statusCode).toBe(201);
    const saved = (await send('GET', '/plan')).json().content.costLines as { deliveredBy?: string }[];
    expect(saved.filter((l) => l.deliveredBy === ids!.provider)).toHaveLength(2);
  });
});

describe('anyone else', () => {
  it('cannot open a provider’s view, even a worker of the same council', async () => {
    expect((await get(worker, `/api/v1/people/${nessie}/service`)).statusCode).toBe(403);
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../platform/auth/credentials.ts';
import { rows } from '../../platform/db/transaction.ts';
import { addDays, formatDate, todayInLondon } from '../../platform/dates.ts';
import { DEMO_DAYS_AGO } from './seed-data.ts';
import { demoEmail } from '../accounts/index.ts';
import { demoPersonId, type TestApp, testApp } from '../../../test/support/app.ts';

/**
 * "My support" over HTTP, per relationship: what the home offers each viewer is what the
 * policy gives them, each page of the record says whose it is, and the provider keeps to its
 * service view.
 */
let t: TestApp;
let morag: string;
let callum: string;
let nessie: string;

const cookieFor = async (userId: string) =>
  `selfdirect_session=${t.app.signCookie(await createSession(t.database.db, userId))}`;
const demoCookie = async (role: 'person' | 'representative' | 'provider') => {
  const [user] = await rows<{ id: string }>(
    t.database.db,
    sql`select id from users where email = ${demoEmail(role)}`,
  );
  return cookieFor(user!.id);
};
/** A new account linked to one person with these powers (consent scope). */
async function linked(personId: string, role: string, kind: string, powers: string[]) {
  const [user] = await rows<{ id: string }>(
    t.database.db,
    sql`insert into users (authority_id, email, display_name, role)
        values (${t.authorityId}, ${`${kind}-${powers.join('-') || 'none'}-${personId.slice(0, 8)}@example.test`},
                ${`Test ${kind}`}, ${role}) returning id`,
  );
  await t.database.db.execute(
    sql`insert into person_relationships (authority_id, person_id, user_id, kind, powers, valid_from)
        values (${t.authorityId}, ${personId}, ${user!.id}, ${kind}, ${`{${powers.join(',')}}`}::text[], '2020-01-01')`,
  );
  return cookieFor(user!.id);
}
const get = (url: string, cookie: string) => t.app.inject({ url, headers: { cookie } });
const hrefs = (body: string) =>
  [...body.matchAll(/<a class="govuk-link govuk-body-l[^"]*" href="([^"]+)"/g)].map((m) => m[1]);

beforeAll(async () => {
  t = await testApp();
  morag = await demoPersonId(t);
  callum = await demoPersonId(t, 'Callum Reid');
  nessie = await demoPersonId(t, 'Agnes Thomson');
}, 60_000);
afterAll(() => t.close());

describe('"My support"', () => {
  it('opens the person’s own home straight from /my, every part one click away with its status', async () => {
    const cookie = await demoCookie('person');
    const my = await get('/my', cookie);
    expect(my.statusCode).toBe(303);
    expect(my.headers.location).toBe(`/my/${morag}`);

    const home = await get(`/my/${morag}`, cookie);
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('<h1 class="govuk-heading-xl">My support</h1>');
    expect(hrefs(home.body)).toEqual([
      `/my/${morag}/outcomes`,
      `/my/${morag}/said`,
      `/my/${morag}/about`,
      `/people/${morag}/eligibility`,
      `/my/${morag}/budget`,
      `/my/${morag}/budget/what-if`,
      `/people/${morag}/budget/letter.pdf`,
      `/my/${morag}/options`,
      `/my/${morag}/plan`,
      `/my/${morag}/plan.pdf`,
      `/my/${morag}/payments`,
      `/people/${morag}/charging`,
      `/people/${morag}/who-can-see`,
      `/people/${morag}/invitations/new`,
      `/people/${morag}/who-looked`,
      `/people/${morag}/export`,
      '/account',
    ]);
    // Statuses in plain words, from the demo record.
    // Dated from the demo's one timeline (seed-data.ts), counted back from the day it was seeded.
    const daysAgo = (days: number) => formatDate(addDays(todayInLondon(), -days));
    expect(home.body).toContain(`Agreed on ${daysAgo(DEMO_DAYS_AGO.planAgreed)}`);
    expect(home.body).toContain('£292.52 a week, agreed');
    expect(home.body).toContain('£686.00 every four weeks');
    expect(home.body).toContain('£29.28 a week');
    expect(home.body).toContain(`Yes: decided on ${daysAgo(DEMO_DAYS_AGO.eligibilityDecided)}`);
    // Her own record: nobody to act for.
    expect(home.body).not.toContain('You are acting for');

    // One visit, one line in "who looked", worded for her.
    const [row] = await rows<{ action: string; n: number }>(
      t.database.db,
      sql`select action, count(*) over ()::int as n from audit_events
          where person_id = ${morag} and route = 'GET /my/:personId' order by seq desc limit 1`,
    );
    expect(row?.action).toBe('support_home.read');
  });

  it('shows a representative whose record it is on the home and on every page they open from it', async () => {
    const cookie = await demoCookie('representative');
    const my = await get('/my', cookie);
    expect(my.headers.location).toBe(`/my/${callum}`);
    const home = await get(`/my/${callum}`, cookie);
    expect(home.body).toContain('Callum’s support');
    expect(home.body).toContain('You are acting for <strong>Callum</strong>');
    const links = hrefs(home.body).filter((href) => !href!.endsWith('.pdf') && href !== '/account');
    expect(links).toContain(`/my/${callum}/payments`);
    expect(links).toContain(`/people/${callum}/who-looked`);
    for (const href of links) {
      const page = await get(href!, cookie);
      expect(page.statusCode, href).toBe(200);
      expect(page.body, href).toContain('You are acting for <strong>Callum</strong>');
      // The way back home, on every page of the record.
      expect(page.body, href).toContain(
        `<a class="govuk-breadcrumbs__link" href="/my/${callum}">My support</a>`,
      );
    }
  });

  it('offers a representative without the power to see the record only the money they manage', async () => {
    const cookie = await linked(callum, 'representative', 'representative', ['financial_decisions']);
    expect((await get('/my', cookie)).headers.location).toBe(`/my/${callum}`);
    const home = await get(`/my/${callum}`, cookie);
    expect(home.statusCode).toBe(200);
    expect(hrefs(home.body)).toEqual([`/my/${callum}/payments`, `/people/${callum}/charging`, '/account']);
    expect(home.body).toContain('You are acting for <strong>Callum</strong>');
    expect((await get(`/my/${callum}/plan`, cookie)).statusCode).toBe(403);
  });

  it('offers a circle member only what the person’s consent allows', async () => {
    const viewing = await linked(morag, 'circle_member', 'circle_member', ['view_record', 'contribute']);
    const home = await get(`/my/${morag}`, viewing);
    expect(home.statusCode).toBe(200);
    const seen = hrefs(home.body);
    expect(seen).toContain(`/my/${morag}/plan`);
    // No money, no audit of the record, no copy of it: the person did not consent to those.
    for (const hidden of ['/payments', '/charging', '/who-looked', '/export'])
      expect(
        seen.some((href) => href!.endsWith(hidden)),
        hidden,
      ).toBe(false);
    expect((await get(`/my/${morag}/payments`, viewing)).statusCode).toBe(403);

    const contributing = await linked(morag, 'circle_member', 'circle_member', ['contribute']);
    const narrow = await get(`/my/${morag}`, contributing);
    expect(narrow.statusCode).toBe(200);
    expect(hrefs(narrow.body)).toEqual(['/account']);
    expect(narrow.body).not.toContain('Agreed on');
    expect((await get(`/my/${morag}/said`, contributing)).statusCode).toBe(403);
  });

  it('sends a provider to its service view, never the home', async () => {
    const cookie = await demoCookie('provider');
    const my = await get('/my', cookie);
    expect(my.headers.location).toBe(`/my/${nessie}/service`);
    expect((await get(`/my/${nessie}`, cookie)).statusCode).toBe(403);
  });

  it('shows the person’s own words in "What I said", never a parent’s or the worker’s', async () => {
    const said = await get(`/my/${morag}/said`, await demoCookie('person'));
    expect(said.statusCode).toBe(200);
    expect(said.body).toContain('Getting out of the house when I want, not when the carers come.');
    const entries = await rows<{ text: string; saidBy: string }>(
      t.database.db,
      sql`select e.text, e.said_by as "saidBy" from conversation_entries e where e.person_id = ${morag}`,
    );
    for (const entry of entries.filter((e) => e.saidBy !== 'person'))
      expect(said.body).not.toContain(entry.text.replaceAll('’', '&rsquo;').slice(0, 30));

    const callumSaid = await get(`/my/${callum}/said`, await demoCookie('representative'));
    expect(callumSaid.statusCode).toBe(200);
    const callumEntries = await rows<{ text: string; saidBy: string }>(
      t.database.db,
      sql`select e.text, e.said_by as "saidBy" from conversation_entries e where e.person_id = ${callum}`,
    );
    // His mother's words are on the record too (the demo says so); they stay off his page.
    const others = callumEntries.filter((e) => e.saidBy !== 'person');
    expect(others.length).toBeGreaterThan(0);
    for (const entry of others) expect(callumSaid.body).not.toContain(entry.text.slice(0, 30));
  });
});

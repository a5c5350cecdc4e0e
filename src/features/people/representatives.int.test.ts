import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiToken, bearer, demoPersonId, problem, type TestApp, testApp } from '../../../test/support/app.ts';
import { createSession } from '../../platform/auth/credentials.ts';
import { addDays, todayInLondon } from '../../platform/dates.ts';
import { rows } from '../../platform/db/transaction.ts';
import { formPost as postForm } from '../../../test/support/forms.ts';

let t: TestApp;
let worker: string;
let rep: string;
let morag: string;
let workerCookie: string;

beforeAll(async () => {
  t = await testApp();
  worker = await apiToken(t.app, 'worker');
  rep = await apiToken(t.app, 'representative');
  morag = await demoPersonId(t);
  const [w] = await rows<{ id: string }>(
    t.database.db,
    sql`select id from users where email = 'worker@demo.selfdirect.test'`,
  );
  workerCookie = `selfdirect_session=${t.app.signCookie(await createSession(t.database.db, w!.id))}`;
});
afterAll(() => t.close());

const post = (url: string, payload: object) =>
  t.app.inject({ method: 'POST', url, headers: bearer(worker), payload });
const repSees = async () =>
  (await t.app.inject({ url: `/api/v1/people/${morag}`, headers: bearer(rep) })).statusCode;
const versions = () =>
  rows<{ id: string; powers: string[]; startDate: string; endDate: string | null }>(
    t.database.db,
    sql`select id, powers, start_date::text as "startDate", end_date::text as "endDate"
          from representatives where person_id = ${morag} and name = 'Fiona Reid' order by start_date`,
  );
const relationships = () =>
  rows<{ powers: string[]; validFrom: string; validTo: string | null }>(
    t.database.db,
    sql`select r.powers, r.valid_from::text as "validFrom", r.valid_to::text as "validTo"
          from person_relationships r join users u on u.authority_id = r.authority_id and u.id = r.user_id
         where r.person_id = ${morag} and u.email = 'representative@demo.selfdirect.test'
         order by r.valid_from`,
  );

/** A form post from a page, with the CSRF token a browser would carry. */
const formPost = (url: string, fields: Record<string, string | string[]>) =>
  postForm(t.app, url, workerCookie, fields);
const dateFields = (name: string, iso: string) => {
  const [year, month, day] = iso.split('-');
  return { [`${name}-day`]: day!, [`${name}-month`]: month!, [`${name}-year`]: year! };
};

describe('changing a representative', () => {
  let firstId: string;
  let secondId: string;
  const today = todayInLondon();

  it('ends the current version the day before, starts a new one, and access follows at once', async () => {
    const added = await post(`/api/v1/people/${morag}/representatives`, {
      name: 'Fiona Reid',
      kind: 'welfare_power_of_attorney',
      powers: ['view_record', 'welfare_decisions'],
      startDate: '2024-01-01',
      evidenceReference: 'OPG PA-1',
      accountEmail: 'representative@demo.selfdirect.test',
    });
    expect(added.statusCode).toBe(201);
    firstId = added.json().id;
    expect(await repSees()).toBe(200);

    // The attorney no longer sees the record from today (the power of attorney was varied).
    const changed = await post(`/api/v1/people/${morag}/representatives/${firstId}/change`, {
      powers: ['welfare_decisions'],
      changeFrom: today,
      evidenceReference: 'OPG PA-1 varied',
    });
    expect(changed.statusCode).toBe(201);
    secondId = changed.json().id;
    expect(changed.json()).toMatchObject({ previousId: firstId, previousEndDate: addDays(today, -1) });
    expect(await repSees()).toBe(403);

    // Nothing was overwritten: the first version is kept with its powers and an end date.
    expect(await versions()).toEqual([
      {
        id: firstId,
        powers: ['view_record', 'welfare_decisions'],
        startDate: '2024-01-01',
        endDate: addDays(today, -1),
      },
      { id: secondId, powers: ['welfare_decisions'], startDate: today, endDate: null },
    ]);
    expect(await relationships()).toEqual([
      { powers: ['view_record', 'welfare_decisions'], validFrom: '2024-01-01', validTo: addDays(today, -1) },
      { powers: ['welfare_decisions'], validFrom: today, validTo: null },
    ]);
    const record = (await t.app.inject({ url: `/api/v1/people/${morag}`, headers: bearer(worker) })).json();
    const [year, month, day] = today.split('-').map(Number);
    const monthName = new Date(Date.UTC(year!, month! - 1, 1)).toLocaleString('en-GB', {
      month: 'long',
      timeZone: 'UTC',
    });
    expect(record.timeline.map((e: { text: string }) => e.text)).toContain(
      `Representative’s powers changed: Fiona Reid, from ${day} ${monthName} ${year}`,
    );
  });

  it('refuses bad changes with field errors and saves nothing', async () => {
    const before = await versions();
    const bad = await post(`/api/v1/people/${morag}/representatives/${secondId}/change`, {
      powers: [],
      changeFrom: today,
      endDate: addDays(today, -3),
    });
    expect(bad.statusCode).toBe(400);
    expect(
      problem(bad)
        .errors?.map((e) => e.field)
        .sort(),
    ).toEqual(['changeFrom', 'endDate', 'evidenceReference', 'powers']);
    // A welfare attorney cannot be given a say over money.
    const money = await post(`/api/v1/people/${morag}/representatives/${secondId}/change`, {
      powers: ['welfare_decisions', 'financial_decisions'],
      changeFrom: addDays(today, 1),
      evidenceReference: 'OPG PA-1',
    });
    expect(problem(money).errors).toEqual([
      { field: 'powers', message: 'A welfare power of attorney cannot make decisions about money' },
    ]);
    // The replaced version cannot be changed again: only the newest version can.
    const replaced = await post(`/api/v1/people/${morag}/representatives/${firstId}/change`, {
      powers: ['view_record'],
      changeFrom: '2024-06-01',
      evidenceReference: 'OPG PA-1',
    });
    expect(replaced.statusCode).toBe(409);
    expect(await versions()).toEqual(before);
  });

  it('changes and ends through the question pages, with check answers and a stale form refused', async () => {
    const changeUrl = `/people/${morag}/representatives/${secondId}/change`;
    const opened = await t.app.inject({ url: changeUrl, headers: { cookie: workerCookie } });
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain('Change what Fiona Reid can do');

    // Bad answers come back with the error summary and the answers kept.
    const tomorrow = addDays(today, 1);
    const wrong = await formPost(changeUrl, {
      seenEndDate: '',
      _step: 'check',
      powers: ['welfare_decisions', 'view_record'],
      ...dateFields('changeFrom', tomorrow),
      evidenceReference: '',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('govuk-error-summary');
    expect(wrong.body).toContain('Enter where the evidence for the change is');
    expect(wrong.body).toMatch(/value="view_record" checked/);

    const answers = {
      seenEndDate: '',
      powers: ['welfare_decisions', 'view_record'],
      ...dateFields('changeFrom', tomorrow),
      evidenceReference: 'OPG PA-1 restored',
    };
    const check = await formPost(changeUrl, { ...answers, _step: 'check' });
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('Check the change before you save it');
    const saved = await formPost(changeUrl, { ...answers, _step: 'confirm' });
    expect(saved.statusCode).toBe(303);
    const third = (await versions()).at(-1)!;
    expect(third).toMatchObject({ startDate: tomorrow, powers: ['welfare_decisions', 'view_record'] });
    // From tomorrow she sees the record again; today she still does not.
    expect(await repSees()).toBe(403);

    // A second form opened on the same version before that save is refused, nothing overwritten.
    const stale = await formPost(changeUrl, { ...answers, _step: 'confirm' });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Someone else changed or ended this representative');
    expect((await versions()).length).toBe(3);

    // Ending the newest version: a date before it started is refused, then it ends.
    const endUrl = `/people/${morag}/representatives/${third.id}/end`;
    expect((await t.app.inject({ url: endUrl, headers: { cookie: workerCookie } })).statusCode).toBe(200);
    const early = await formPost(endUrl, {
      seenEndDate: '',
      _step: 'check',
      ...dateFields('endDate', today),
    });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('The last day must be on or after');
    const lastDay = addDays(today, 30);
    const ended = await formPost(endUrl, {
      seenEndDate: '',
      _step: 'confirm',
      ...dateFields('endDate', lastDay),
    });
    expect(ended.statusCode).toBe(303);
    expect((await versions()).at(-1)!.endDate).toBe(lastDay);
    expect((await relationships()).at(-1)!.validTo).toBe(lastDay);

    // Ending cannot lengthen an authority; it can only bring the last day forward.
    const later = await post(`/api/v1/people/${morag}/representatives/${third.id}/end`, {
      endDate: addDays(today, 60),
    });
    expect(problem(later).errors?.[0]?.field).toBe('endDate');
    // The summary keeps every version, with the replaced ones marked.
    const summary = await t.app.inject({ url: `/people/${morag}`, headers: { cookie: workerCookie } });
    expect(summary.body.match(/Replaced by a change/g)?.length).toBe(2);
  });

  it('lets only case holders change or end a representative', async () => {
    for (const role of ['person', 'representative', 'finance'] as const) {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/v1/people/${morag}/representatives/${secondId}/change`,
        headers: bearer(await apiToken(t.app, role)),
        payload: { powers: ['view_record'], changeFrom: today, evidenceReference: 'x' },
      });
      expect(response.statusCode).toBe(403);
    }
  });
});

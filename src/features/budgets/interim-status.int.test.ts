import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiToken, bearer, type TestApp, testApp } from '../../../test/support/app.ts';
import { createSession } from '../../platform/auth/credentials.ts';
import { addDays, todayInLondon } from '../../platform/dates.ts';
import { asSystem, inTenant, rows } from '../../platform/db/transaction.ts';
import { demoPerson, setCrisis } from './budgets.fixtures.ts';
import { interimStatusFor } from './versions.ts';

let t: TestApp;
let morag: Awaited<ReturnType<typeof demoPerson>>;
let worker: string;
let workerCookie: string;
beforeAll(async () => {
  t = await testApp();
  morag = await demoPerson(t, 'Morag Campbell');
  worker = await apiToken(t.app, 'worker');
  const [w] = await rows<{ id: string }>(
    t.database.db,
    sql`select id from users where email = 'worker@demo.selfdirect.test'`,
  );
  workerCookie = `selfdirect_session=${t.app.signCookie(await createSession(t.database.db, w!.id))}`;
});
afterAll(() => t.close());

const caseListRow = async () => {
  const list = await t.app.inject({ url: '/api/v1/people?q=Morag%20Campbell', headers: bearer(worker) });
  return list.json().people.find((p: { id: string }) => p.id === morag.id);
};
const page = async (url: string) => (await t.app.inject({ url, headers: { cookie: workerCookie } })).body;

describe('interim budgets flagged on the case list and the person summary', () => {
  it('shows "Interim budget" while one is in force, and "Interim budget expired" once it passes its expiry unregularised', async () => {
    expect((await caseListRow()).interim).toBeNull();
    expect(await page('/people?q=Morag%20Campbell')).not.toContain('Interim budget');

    await setCrisis(t, morag.id, true);
    const approved = await t.app.inject({
      method: 'POST',
      url: `/api/v1/people/${morag.id}/budget/interim`,
      headers: bearer(await apiToken(t.app, 'manager')),
      payload: {
        weeklyAmount: 35000,
        reason: 'Main carer admitted to hospital today',
        expiresOn: addDays(todayInLondon(), 28),
      },
    });
    expect(approved.statusCode).toBe(201);
    expect((await caseListRow()).interim).toEqual({ current: true, expiredOn: null });
    expect(await page('/people?q=Morag%20Campbell')).toContain('>Interim budget</strong>');
    expect(await page(`/people/${morag.id}`)).toContain('>Interim budget</strong>');

    // Time passes: the expiry date goes by with no full decision.
    const yesterday = addDays(todayInLondon(), -1);
    await asSystem(t.database.db, (tx) =>
      tx.execute(sql`update person_budgets set expires_on = ${yesterday} where id = ${approved.json().id}`),
    );
    expect((await caseListRow()).interim).toEqual({ current: false, expiredOn: yesterday });
    const list = await page('/people?q=Morag%20Campbell');
    expect(list).toContain('>Interim budget expired</strong>');
    expect(list).not.toContain('>Interim budget</strong>');
    expect(await page(`/people/${morag.id}`)).toContain('Interim budget expired on');

    // A full decision regularises it: no tag any more.
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/people/${morag.id}/budget/indicative`,
      headers: bearer(worker),
      payload: {
        needs: [{ outcomeId: morag.outcomes[0]!.id, unitCode: 'personal_care_hour', quantityPerWeek: 12 }],
        reason: 'Full assessment after the crisis',
      },
    });
    expect((await caseListRow()).interim).toBeNull();
    expect(await page('/people?q=Morag%20Campbell')).not.toContain('Interim budget');
    await setCrisis(t, morag.id, false);
  });

  it('answers for a whole page of people in one call, leaving out people with no interim budget', async () => {
    const [inCrisis] = await rows<{ id: string }>(
      t.database.db,
      sql`select id from people where crisis order by legal_name limit 1`,
    );
    const approved = await t.app.inject({
      method: 'POST',
      url: `/api/v1/people/${inCrisis!.id}/budget/interim`,
      headers: bearer(await apiToken(t.app, 'manager')),
      payload: {
        weeklyAmount: 20000,
        reason: 'Carer taken ill suddenly',
        expiresOn: addDays(todayInLondon(), 14),
      },
    });
    expect(approved.statusCode).toBe(201);
    const everyone = await rows<{ id: string }>(t.database.db, sql`select id from people`);
    const status = await inTenant(t.database.db, t.authorityId, (tx) =>
      interimStatusFor(
        tx,
        everyone.map((p) => p.id),
        todayInLondon(),
      ),
    );
    const interims = await rows<{ personId: string }>(
      t.database.db,
      sql`select distinct person_id as "personId" from person_budgets where kind = 'interim' and status = 'current'`,
    );
    expect([...status.keys()].sort()).toEqual(interims.map((r) => r.personId).sort());
    expect(status.get(inCrisis!.id)).toEqual({ current: true, expiredOn: null });
    expect(
      await inTenant(t.database.db, t.authorityId, (tx) => interimStatusFor(tx, [], todayInLondon())),
    ).toEqual(new Map());
  });
});

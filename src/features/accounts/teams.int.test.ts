import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiToken, bearer, demoPersonId, problem, type TestApp, testApp } from '../../../test/support/app.ts';
import { formPost } from '../../../test/support/forms.ts';
import { createSession } from '../../platform/auth/credentials.ts';
import { rows } from '../../platform/db/transaction.ts';

/**
 * The council's organisation (issue 15 item 2) over HTTP: teams and localities at their set-up
 * pages, staff invited into a team and moved between teams, and the person record's locality.
 */
let t: TestApp;
let adminCookie: string;
let workerCookie: string;

const cookieFor = async (email: string) => {
  const [u] = await rows<{ id: string }>(t.database.db, sql`select id from users where email = ${email}`);
  return `selfdirect_session=${t.app.signCookie(await createSession(t.database.db, u!.id))}`;
};
const page = (url: string, cookie = adminCookie) => t.app.inject({ url, headers: { cookie } });
const teamId = async (name: string) => {
  const [row] = await rows<{ id: string }>(t.database.db, sql`select id from teams where name = ${name}`);
  return row!.id;
};
const audits = async (action: string) =>
  rows<{ detail: Record<string, unknown> }>(
    t.database.db,
    sql`select detail from audit_events where action = ${action} order by occurred_at`,
  );

beforeAll(async () => {
  t = await testApp();
  adminCookie = await cookieFor('admin@demo.selfdirect.test');
  workerCookie = await cookieFor('worker@demo.selfdirect.test');
});
afterAll(() => t.close());

describe('the administrator’s set-up pages', () => {
  it('links Teams and Localities from Council set-up, and refuses them to anyone else', async () => {
    const home = await page('/admin');
    expect(home.body).toContain('href="/admin/teams"');
    expect(home.body).toContain('href="/admin/localities"');
    for (const url of ['/admin/teams', '/admin/localities']) {
      expect((await page(url)).statusCode).toBe(200);
      expect((await page(url, workerCookie)).statusCode).toBe(403);
    }
    const refused = await formPost(t.app, '/admin/teams', workerCookie, { name: 'Sneaky', serves: 'adults' });
    expect(refused.statusCode).toBe(403);
    expect(await rows(t.database.db, sql`select 1 from teams where name = 'Sneaky'`)).toHaveLength(0);
  });

  it('lists the demo teams with how many staff and people each holds', async () => {
    const list = await page('/admin/teams');
    const [counts] = await rows<{ people: number }>(
      t.database.db,
      sql`select count(*)::int as people from people p join teams tm on tm.id = p.allocated_team_id
          where tm.name = 'Adult Community Care North'`,
    );
    expect(list.body).toContain('Adult Community Care North');
    expect(list.body).toMatch(new RegExp(`${counts!.people} people`));
    expect(list.body).toContain('North Locality, East Locality');
  });
});

describe('teams', () => {
  it('adds a team, refusing a duplicate name, an unknown locality and a NUL character', async () => {
    const added = await formPost(t.app, '/admin/teams', adminCookie, {
      name: '  Hospital   Discharge ',
      serves: 'adults',
      localityCodes: ['north'],
    });
    expect(added.statusCode).toBe(200);
    expect(added.body).toContain('Hospital Discharge has been added.');
    const [row] = await rows<{ serves: string; locality_codes: string[] }>(
      t.database.db,
      sql`select serves, locality_codes from teams where name = 'Hospital Discharge'`,
    );
    expect(row).toEqual({ serves: 'adults', locality_codes: ['north'] });
    expect(await audits('team.add')).toHaveLength(1);

    const duplicate = await formPost(t.app, '/admin/teams', adminCookie, {
      name: 'hospital discharge',
      serves: 'all_ages',
    });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.body).toContain('There is already a team called Hospital Discharge');
    expect(duplicate.body).toContain('value="hospital discharge"');

    const unknown = await formPost(t.app, '/admin/teams', adminCookie, {
      name: 'Elsewhere',
      serves: 'nobody',
      localityCodes: ['atlantis'],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('href="#serves"');
    expect(unknown.body).toContain('Select localities from the list');

    const nul = await formPost(t.app, '/admin/teams', adminCookie, {
      name: 'Bad\u0000Name',
      serves: 'adults',
    });
    expect(nul.statusCode).toBe(400);
    expect(await rows(t.database.db, sql`select 1 from teams where name like 'Bad%'`)).toHaveLength(0);
  });

  it('renames a team and keeps its id, so allocations and accounts keep pointing at it', async () => {
    const id = await teamId('Hospital Discharge');
    const renamed = await formPost(t.app, `/admin/teams/${id}`, adminCookie, {
      name: 'Hospital Discharge Team',
      serves: 'all_ages',
    });
    expect(renamed.statusCode).toBe(303);
    expect(await teamId('Hospital Discharge Team')).toBe(id);
    const clash = await formPost(t.app, `/admin/teams/${id}`, adminCookie, {
      name: 'Children and Families',
      serves: 'all_ages',
    });
    expect(clash.statusCode).toBe(400);
    expect(clash.body).toContain('There is already a team called Children and Families');
    expect((await page('/admin/teams/not-a-team')).statusCode).toBe(404);
  });

  it('will not close a team that still has staff or open cases, and closes an empty one', async () => {
    const north = await teamId('Adult Community Care North');
    const refused = await formPost(t.app, `/admin/teams/${north}/close`, adminCookie, {});
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toMatch(/This team still has \d+ staff accounts? and \d+ people with an open case/);
    const [still] = await rows<{ closed_at: string | null }>(
      t.database.db,
      sql`select closed_at from teams where id = ${north}`,
    );
    expect(still!.closed_at).toBeNull();

    const empty = await teamId('Hospital Discharge Team');
    expect((await formPost(t.app, `/admin/teams/${empty}/close`, adminCookie, {})).statusCode).toBe(303);
    expect((await page('/admin/teams')).body).toMatch(/Hospital Discharge Team <strong[^>]*>Closed/);
    expect(await audits('team.close')).toHaveLength(1);
    // A closed team is no longer offered to invite staff into.
    const invite = await formPost(t.app, '/admin/users', adminCookie, {
      displayName: 'Late Starter',
      email: 'late.starter@example.test',
      role: 'worker',
      teamId: empty,
    });
    expect(invite.statusCode).toBe(400);
    expect(invite.body).toContain('Select a team from the list');
  });
});

describe('staff invited into a team', () => {
  it('invites a worker into the chosen team and shows the team in the staff list', async () => {
    const south = await teamId('Adult Community Care South');
    const invited = await formPost(t.app, '/admin/users', adminCookie, {
      displayName: 'Nadia Rahman',
      email: 'nadia.rahman@example.test',
      role: 'worker',
      teamId: south,
    });
    expect(invited.statusCode).toBe(200);
    expect(invited.body).toMatch(/id="invitation-link">\/invitation\/[\w-]+</);
    const [user] = await rows<{ team_id: string }>(
      t.database.db,
      sql`select team_id from users where email = 'nadia.rahman@example.test'`,
    );
    expect(user!.team_id).toBe(south);
    const list = (await page('/admin/users')).body;
    expect(list).toMatch(/Nadia Rahman<\/td>.*?Adult Community Care South/s);
  });

  it('requires a team for a worker or manager, not for others, and refuses an unknown one', async () => {
    const noTeam = await formPost(t.app, '/admin/users', adminCookie, {
      displayName: 'No Team',
      email: 'no.team@example.test',
      role: 'manager',
    });
    expect(noTeam.statusCode).toBe(400);
    expect(noTeam.body).toContain('Select their team');
    const wrong = await formPost(t.app, '/admin/users', adminCookie, {
      displayName: 'Wrong Team',
      email: 'wrong.team@example.test',
      role: 'worker',
      teamId: '00000000-0000-4000-8000-000000000000',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Select a team from the list');
    const garbled = await formPost(t.app, '/admin/users', adminCookie, {
      displayName: 'Garbled Team',
      email: 'garbled.team@example.test',
      role: 'worker',
      teamId: 'not-a-uuid',
    });
    expect(garbled.statusCode).toBe(400);
    const finance = await formPost(t.app, '/admin/users', adminCookie, {
      displayName: 'Fin Ance',
      email: 'fin.ance@example.test',
      role: 'finance',
    });
    expect(finance.statusCode).toBe(200);
    expect(
      await rows(
        t.database.db,
        sql`select 1 from users where email in ('no.team@example.test', 'wrong.team@example.test')`,
      ),
    ).toHaveLength(0);
  });

  it('moves an account to another team after a check step, audited', async () => {
    const [nadia] = await rows<{ id: string }>(
      t.database.db,
      sql`select id from users where email = 'nadia.rahman@example.test'`,
    );
    const north = await teamId('Adult Community Care North');
    const form = await page(`/admin/users/${nadia!.id}/team`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Which team should Nadia Rahman belong to?');
    const check = await formPost(t.app, `/admin/users/${nadia!.id}/team`, adminCookie, {
      _step: 'check',
      teamId: north,
    });
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('Check the move before you save it');
    const [before] = await rows<{ team_id: string }>(
      t.database.db,
      sql`select team_id from users where id = ${nadia!.id}`,
    );
    expect(before!.team_id).not.toBe(north);
    const unknown = await formPost(t.app, `/admin/users/${nadia!.id}/team`, adminCookie, {
      _step: 'confirm',
      teamId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('Select a team from the list');
    const saved = await formPost(t.app, `/admin/users/${nadia!.id}/team`, adminCookie, {
      _step: 'confirm',
      teamId: north,
    });
    expect(saved.statusCode).toBe(303);
    const [after] = await rows<{ team_id: string }>(
      t.database.db,
      sql`select team_id from users where id = ${nadia!.id}`,
    );
    expect(after!.team_id).toBe(north);
    expect((await audits('staff.move_team')).at(-1)?.detail).toMatchObject({ toTeamId: north });
    const refused = await formPost(t.app, `/admin/users/${nadia!.id}/team`, workerCookie, {
      _step: 'confirm',
      teamId: north,
    });
    expect(refused.statusCode).toBe(403);
  });
});

describe('localities', () => {
  it('seeds the demo council’s localities from its people, and adds, renames and retires them', async () => {
    const list = (await page('/admin/localities')).body;
    for (const name of ['North Locality', 'South Locality', 'East Locality', 'West Locality'])
      expect(list).toContain(name);
    const added = await formPost(t.app, '/admin/localities', adminCookie, { name: 'Pentland Hills' });
    expect(added.statusCode).toBe(200);
    const duplicate = await formPost(t.app, '/admin/localities', adminCookie, { name: 'pentland hills' });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.body).toContain('There is already a locality called Pentland Hills');
    const blank = await formPost(t.app, '/admin/localities', adminCookie, { name: ' ' });
    expect(blank.body).toContain('Enter the name of the locality');
    const nul = await formPost(t.app, '/admin/localities', adminCookie, { name: 'A\u0000B' });
    expect(nul.statusCode).toBe(400);
    expect((await formPost(t.app, '/admin/localities', workerCookie, { name: 'Sneaky' })).statusCode).toBe(
      403,
    );

    const [row] = await rows<{ id: string; code: string }>(
      t.database.db,
      sql`select id, code from localities where name = 'Pentland Hills'`,
    );
    expect(row!.code).toBe('pentland-hills');
    expect(
      (await formPost(t.app, `/admin/localities/${row!.id}`, adminCookie, { name: 'Pentlands' })).statusCode,
    ).toBe(303);
    expect(
      (await formPost(t.app, `/admin/localities/${row!.id}/active`, adminCookie, { active: 'false' }))
        .statusCode,
    ).toBe(303);
    const [retired] = await rows<{ name: string; code: string; active: boolean }>(
      t.database.db,
      sql`select name, code, active from localities where id = ${row!.id}`,
    );
    expect(retired).toEqual({ name: 'Pentlands', code: 'pentland-hills', active: false });
    expect((await audits('locality.retire')).length).toBe(1);
  });

  it('offers the council’s localities on the person form and the API refuses any other', async () => {
    const morag = await demoPersonId(t);
    const form = await page(`/people/${morag}/edit/contact`, workerCookie);
    expect(form.body).toMatch(/<select[^>]*name="locality"/);
    expect(form.body).toContain('<option value="north"');
    expect(form.body).not.toContain('value="pentland-hills"');

    const worker = await apiToken(t.app, 'worker');
    const current = await t.app.inject({ url: `/api/v1/people/${morag}`, headers: bearer(worker) });
    const version = current.json().person.version as number;
    const wrong = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/people/${morag}`,
      headers: bearer(worker),
      payload: { version, locality: 'Atlantis' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(problem(wrong).errors).toEqual([
      { field: 'locality', message: 'Select a locality from the list' },
    ]);
    const retired = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/people/${morag}`,
      headers: bearer(worker),
      payload: { version, locality: 'pentland-hills' },
    });
    expect(retired.statusCode).toBe(400);
    const right = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/people/${morag}`,
      headers: bearer(worker),
      payload: { version, locality: 'south' },
    });
    expect(right.statusCode).toBe(200);
    expect((await page(`/people/${morag}`, workerCookie)).body).toContain('South Locality');
  });

  it('keeps an older free-text locality readable and savable unchanged', async () => {
    const morag = await demoPersonId(t);
    await t.database.db.execute(sql`update people set locality = 'Leith (old system)' where id = ${morag}`);
    const summary = await page(`/people/${morag}`, workerCookie);
    expect(summary.body).toContain('Leith (old system)');
    const form = await page(`/people/${morag}/edit/contact`, workerCookie);
    expect(form.body).toContain('Leith (old system) (as recorded before)');
    const worker = await apiToken(t.app, 'worker');
    const current = await t.app.inject({ url: `/api/v1/people/${morag}`, headers: bearer(worker) });
    const saved = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/people/${morag}`,
      headers: bearer(worker),
      payload: { version: current.json().person.version, phone: '0131 496 0000' },
    });
    expect(saved.statusCode).toBe(200);
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/transaction.ts';
import { apiToken, bearer, demoPersonId, problem, type TestApp, testApp } from '../../../test/support/app.ts';

let t: TestApp;
let worker: string;
let southWorker: string;
let person: string;
let morag: string;
let callum: string;

beforeAll(async () => {
  t = await testApp();
  worker = await apiToken(t.app, 'worker');
  southWorker = await apiToken(t.app, 'worker.south@demo.selfdirect.test');
  person = await apiToken(t.app, 'person');
  morag = await demoPersonId(t);
  const [c] = await rows<{ id: string }>(
    t.database.db,
    sql`select id from people where legal_name = 'Callum Reid'`,
  );
  callum = c!.id;
});
afterAll(() => t.close());

const count = async (table: string) =>
  (await rows<{ n: number }>(t.database.db, sql.raw(`select count(*)::int as n from ${table}`)))[0]!.n;

const NEW_PERSON = {
  legalName: 'Ishbel Test',
  preferredName: 'Ishbel',
  dateOfBirth: '1945-03-12',
  chiNumber: '120345 6786',
  clientGroup: 'older_people',
  referredBy: 'Dr Shah, GP',
  referralReason: 'Falls at home',
  referralUrgency: 'soon' as const,
  postcode: 'eh11 2aa',
};

describe('the demo caseload', () => {
  it('has at least 60 varied people, with children and people over 85, conversations and outcomes', async () => {
    const [stats] = await rows<{
      n: number;
      children: number;
      over85: number;
      groups: number;
      localities: number;
    }>(
      t.database.db,
      sql`select count(*)::int as n,
                 count(*) filter (where date_of_birth > current_date - interval '18 years')::int as children,
                 count(*) filter (where date_of_birth < current_date - interval '85 years')::int as over85,
                 count(distinct client_group)::int as groups, count(distinct locality)::int as localities
            from people where authority_id = ${t.authorityId}`,
    );
    expect(stats!.n).toBeGreaterThanOrEqual(60);
    expect(stats!.children).toBeGreaterThanOrEqual(5);
    expect(stats!.over85).toBeGreaterThanOrEqual(5);
    expect(stats!.groups).toBe(7);
    expect(stats!.localities).toBe(4);
    expect(await count('conversation_entries')).toBeGreaterThan(200);
    expect(await count('personal_outcomes')).toBeGreaterThan(100);
  });
});

describe('recording a person through the API', () => {
  it('creates a person with a checked CHI number and reads the record back', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: bearer(worker),
      payload: NEW_PERSON,
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    const record = await t.app.inject({ url: `/api/v1/people/${id}`, headers: bearer(worker) });
    expect(record.statusCode).toBe(200);
    const body = record.json();
    expect(body.person.chiNumber).toBe('1203456786');
    expect(body.person.postcode).toBe('EH11 2AA');
    expect(body.person.status).toBe('referred');
    // Created by a north worker: held by their team, so they can open it.
    expect(body.person.allocatedTeamId).toBeTruthy();
    // A second record with the same CHI number is a duplicate.
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: bearer(worker),
      payload: { ...NEW_PERSON, legalName: 'Someone Else' },
    });
    expect(again.statusCode).toBe(400);
    expect(problem(again).errors?.map((e) => e.field)).toEqual(['chiNumber']);
  });

  it('refuses an invalid CHI or NHS number and an impossible date of birth, field by field, saving nothing', async () => {
    const before = await count('people');
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: bearer(worker),
      payload: {
        ...NEW_PERSON,
        chiNumber: '1203456787',
        nhsNumber: '943 476 5918',
        dateOfBirth: '1990-02-30',
      },
    });
    expect(bad.statusCode).toBe(400);
    const fields = problem(bad).errors!.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['chiNumber', 'nhsNumber', 'dateOfBirth']));
    const future = await t.app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: bearer(worker),
      payload: { ...NEW_PERSON, chiNumber: null, dateOfBirth: '2199-01-01' },
    });
    expect(problem(future).errors).toEqual([
      { field: 'dateOfBirth', message: 'Date of birth must be in the past' },
    ]);
    expect(await count('people')).toBe(before);
  });

  it('finds people by name or CHI number in one paged list, filtered by crisis', async () => {
    const byName = await t.app.inject({ url: '/api/v1/people?q=morag', headers: bearer(worker) });
    expect(byName.json().people.map((p: { legalName: string }) => p.legalName)).toEqual(['Morag Campbell']);
    const [chi] = await rows<{ chi: string }>(
      t.database.db,
      sql`select chi_number as chi from people where id = ${morag}`,
    );
    const byChi = await t.app.inject({
      url: `/api/v1/people?q=${chi!.chi.slice(0, 6)}%20${chi!.chi.slice(6)}`,
      headers: bearer(worker),
    });
    expect(byChi.json().people.map((p: { id: string }) => p.id)).toEqual([morag]);
    const crisis = await t.app.inject({
      url: '/api/v1/people?crisis=true&pageSize=100',
      headers: bearer(worker),
    });
    expect(crisis.json().people.length).toBeGreaterThanOrEqual(3);
    expect(crisis.json().people.every((p: { crisis: boolean }) => p.crisis)).toBe(true);
    const page2 = await t.app.inject({ url: '/api/v1/people?page=2&pageSize=10', headers: bearer(worker) });
    expect(page2.json().people).toHaveLength(10);
    expect(page2.json().total).toBeGreaterThanOrEqual(60);
  });
});

describe('changing a record', () => {
  it('tells the second of two concurrent saves that the record changed, and keeps the first', async () => {
    const record = (await t.app.inject({ url: `/api/v1/people/${morag}`, headers: bearer(worker) })).json();
    const version = record.person.version as number;
    const first = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/people/${morag}`,
      headers: bearer(worker),
      payload: { version, pronouns: 'she/her', phone: '0131 496 0001' },
    });
    expect(first.statusCode).toBe(200);
    const second = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/people/${morag}`,
      headers: bearer(worker),
      payload: { version, phone: '0131 496 0999' },
    });
    expect(second.statusCode).toBe(409);
    expect(problem(second).title).toBe('This was changed by someone else');
    const after = (await t.app.inject({ url: `/api/v1/people/${morag}`, headers: bearer(worker) })).json();
    expect(after.person.phone).toBe('0131 496 0001');
    expect(after.person.version).toBe(version + 1);
  });

  it('flags a crisis only with a reason', async () => {
    const { version } = (
      await t.app.inject({ url: `/api/v1/people/${morag}`, headers: bearer(worker) })
    ).json().person;
    const noReason = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/people/${morag}`,
      headers: bearer(worker),
      payload: { version, crisis: true },
    });
    expect(problem(noReason).errors?.map((e) => e.field)).toEqual(['crisisReason']);
  });
});

describe('representatives and the circle of support', () => {
  it('refuses a representative with no powers and consent that ends before it starts', async () => {
    const noPowers = await t.app.inject({
      method: 'POST',
      url: `/api/v1/people/${morag}/representatives`,
      headers: bearer(worker),
      payload: {
        name: 'Someone',
        kind: 'welfare_power_of_attorney',
        powers: [],
        startDate: '2024-01-01',
        evidenceReference: 'OPG 1',
      },
    });
    expect(noPowers.statusCode).toBe(400);
    expect(problem(noPowers).errors?.map((e) => e.field)).toEqual(['powers']);
    const before = await count('circle_members');
    const backwards = await t.app.inject({
      method: 'POST',
      url: `/api/v1/people/${morag}/circle`,
      headers: bearer(worker),
      payload: {
        name: 'Jean',
        relationship: 'Friend',
        maySee: ['view_record'],
        consentFrom: '2025-05-01',
        consentTo: '2025-04-01',
      },
    });
    expect(backwards.statusCode).toBe(400);
    expect(problem(backwards).errors?.map((e) => e.field)).toEqual(['consentTo']);
    expect(await count('circle_members')).toBe(before);
  });

  it('gives a representative with an account access that follows their powers and dates', async () => {
    // The demo representative acts for Callum only; she cannot see Morag.
    const rep = await apiToken(t.app, 'representative');
    expect((await t.app.inject({ url: `/api/v1/people/${morag}`, headers: bearer(rep) })).statusCode).toBe(
      403,
    );
    const added = await t.app.inject({
      method: 'POST',
      url: `/api/v1/people/${morag}/representatives`,
      headers: bearer(worker),
      payload: {
        name: 'Fiona Reid',
        kind: 'welfare_power_of_attorney',
        powers: ['view_record', 'welfare_decisions'],
        startDate: '2024-01-01',
        evidenceReference: 'OPG PA-1',
        accountEmail: 'representative@demo.selfdirect.test',
      },
    });
    expect(added.statusCode).toBe(201);
    expect(added.json().linkedAccount).toBe(true);
    expect((await t.app.inject({ url: `/api/v1/people/${morag}`, headers: bearer(rep) })).statusCode).toBe(
      200,
    );
    // A welfare attorney has no say over money: payments stay closed to her.
    const mine = (await t.app.inject({ url: '/api/v1/my/people', headers: bearer(rep) })).json().people;
    expect(mine.map((p: { id: string }) => p.id).sort()).toEqual([callum, morag].sort());
    // The authority ends today: access ends with it (valid to today, so tomorrow it is gone).
    const ended = await t.app.inject({
      method: 'POST',
      url: `/api/v1/people/${morag}/representatives/${added.json().id}/end`,
      headers: bearer(worker),
      payload: { endDate: '2024-06-30' },
    });
    expect(ended.statusCode).toBe(200);
    expect((await t.app.inject({ url: `/api/v1/people/${morag}`, headers: bearer(rep) })).statusCode).toBe(
      403,
    );
  });

  it('keeps a legal order’s conditions as non-negotiables, and support offered per stage', async () => {
    const order = await t.app.inject({
      method: 'POST',
      url: `/api/v1/people/${morag}/legal-orders`,
      headers: bearer(worker),
      payload: {
        kind: 'community_payback',
        startDate: '2025-01-01',
        nonNegotiables: ['Must attend supervision weekly'],
      },
    });
    expect(order.statusCode).toBe(201);
    const empty = await t.app.inject({
      method: 'POST',
      url: `/api/v1/people/${morag}/legal-orders`,
      headers: bearer(worker),
      payload: { kind: 'community_payback', startDate: '2025-01-01', nonNegotiables: [] },
    });
    expect(problem(empty).errors?.map((e) => e.field)).toEqual(['nonNegotiables']);
    const offer = await t.app.inject({
      method: 'POST',
      url: `/api/v1/people/${morag}/support-offers`,
      headers: bearer(worker),
      payload: { kind: 'advocacy', stage: 'planning', response: 'not_offered', offeredOn: '2025-01-02' },
    });
    // Who provides it is optional (issue 14 item 7); "not offered" needs its reason.
    expect(problem(offer).errors?.map((e) => e.field)).toEqual(['reason']);
    const record = (await t.app.inject({ url: `/api/v1/people/${morag}`, headers: bearer(worker) })).json();
    expect(record.legalOrders.at(-1).nonNegotiables).toEqual(['Must attend supervision weekly']);
  });
});

describe('access', () => {
  it('refuses a worker of another team, and the person sees only their own record', async () => {
    const refused = await t.app.inject({ url: `/api/v1/people/${morag}`, headers: bearer(southWorker) });
    expect(refused.statusCode).toBe(403);
    expect((await t.app.inject({ url: `/api/v1/people/${morag}`, headers: bearer(person) })).statusCode).toBe(
      200,
    );
    expect(
      (await t.app.inject({ url: `/api/v1/people/${callum}`, headers: bearer(person) })).statusCode,
    ).toBe(403);
    expect((await t.app.inject({ url: '/api/v1/people', headers: bearer(person) })).statusCode).toBe(403);
    const mine = (await t.app.inject({ url: '/api/v1/my/people', headers: bearer(person) })).json();
    expect(mine.people.map((p: { id: string; kind: string }) => [p.id, p.kind])).toEqual([[morag, 'self']]);
  });

  it('shows equality information only to the person and those holding the case', async () => {
    expect(
      (await t.app.inject({ url: `/api/v1/people/${morag}/equality`, headers: bearer(worker) })).statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ url: `/api/v1/people/${morag}/equality`, headers: bearer(person) })).statusCode,
    ).toBe(200);
    const sister = await apiToken(t.app, 'circle@demo.selfdirect.test');
    expect((await t.app.inject({ url: `/api/v1/people/${morag}`, headers: bearer(sister) })).statusCode).toBe(
      200,
    );
    expect(
      (await t.app.inject({ url: `/api/v1/people/${morag}/equality`, headers: bearer(sister) })).statusCode,
    ).toBe(403);
    const record = await t.app.inject({ url: `/api/v1/people/${morag}`, headers: bearer(sister) });
    expect(record.body).not.toContain('ethnicity');
  });

  it('ends a circle member’s access on the day the person withdraws consent', async () => {
    const sister = await apiToken(t.app, 'circle@demo.selfdirect.test');
    const [member] = await rows<{ id: string }>(
      t.database.db,
      sql`select id from circle_members where person_id = ${morag} and user_id is not null`,
    );
    expect((await t.app.inject({ url: `/api/v1/people/${morag}`, headers: bearer(sister) })).statusCode).toBe(
      200,
    );
    const early = await t.app.inject({
      method: 'POST',
      url: `/api/v1/people/${morag}/circle/${member!.id}/withdraw`,
      headers: bearer(worker),
      payload: { withdrawnOn: '2020-01-01' },
    });
    expect(problem(early).errors?.map((e) => e.field)).toEqual(['withdrawnOn']);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
    const withdrawn = await t.app.inject({
      method: 'POST',
      url: `/api/v1/people/${morag}/circle/${member!.id}/withdraw`,
      headers: bearer(worker),
      payload: { withdrawnOn: today },
    });
    expect(withdrawn.statusCode).toBe(204);
    expect((await t.app.inject({ url: `/api/v1/people/${morag}`, headers: bearer(sister) })).statusCode).toBe(
      403,
    );
  });

  it('records "prefer not to say" and refuses answers not on the list', async () => {
    const { version } = (
      await t.app.inject({ url: `/api/v1/people/${morag}/equality`, headers: bearer(worker) })
    ).json();
    const answers = {
      ethnicity: 'prefer_not_to_say',
      disability: 'yes',
      sex: 'female',
      genderIdentity: null,
      religion: 'prefer_not_to_say',
    };
    const saved = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/people/${morag}/equality`,
      headers: bearer(worker),
      payload: { ...answers, version },
    });
    expect(saved.statusCode).toBe(200);
    const wrong = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/people/${morag}/equality`,
      headers: bearer(worker),
      payload: { ...answers, religion: 'jedi', version: saved.json().version },
    });
    expect(problem(wrong).errors?.map((e) => e.field)).toEqual(['religion']);
  });
});

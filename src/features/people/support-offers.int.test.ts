import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiToken, bearer, demoPersonId, problem, type TestApp, testApp } from '../../../test/support/app.ts';
import { formPost } from '../../../test/support/forms.ts';
import { generateSynthetic } from '../../cli/generate/index.ts';
import { createSession } from '../../platform/auth/credentials.ts';
import { todayInLondon } from '../../platform/dates.ts';
import { rows } from '../../platform/db/transaction.ts';

/**
 * Advocacy and support offered at every step (issue 14 item 7), over HTTP: the stage pages ask
 * until an answer is recorded, the answer is recorded by the inset's one form or the API, the
 * timeline says it in words, and the report counts it.
 */
let t: TestApp;
let worker: string;
let manager: string;
let morag: string;
let workerCookie: string;
let managerCookie: string;

const cookieFor = async (email: string) => {
  const [u] = await rows<{ id: string }>(t.database.db, sql`select id from users where email = ${email}`);
  return `selfdirect_session=${t.app.signCookie(await createSession(t.database.db, u!.id))}`;
};

beforeAll(async () => {
  t = await testApp();
  worker = await apiToken(t.app, 'worker');
  manager = await apiToken(t.app, 'manager');
  morag = await demoPersonId(t);
  workerCookie = await cookieFor('worker@demo.selfdirect.test');
  managerCookie = await cookieFor('manager@demo.selfdirect.test');
});
afterAll(() => t.close());

const page = (url: string, cookie = workerCookie) => t.app.inject({ url, headers: { cookie } });
const postOffer = (personId: string, payload: object, token = worker) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/people/${personId}/support-offers`,
    headers: bearer(token),
    payload,
  });
const offersAt = async (personId: string, stage: string) =>
  rows<{ response: string; reason: string | null; provider: string | null }>(
    t.database.db,
    sql`select response, reason, provider from support_offers where person_id = ${personId} and stage = ${stage}`,
  );

const ASK = 'Was it offered at this stage, and what did the person say?';
const STAGE_PAGES = [
  ['eligibility', 'eligibility'],
  ['budget', 'budget'],
  ['options', 'options'],
  ['planning', 'plan'],
] as const;

describe('the stage pages ask until an answer is recorded', () => {
  it('asks on each of the four pages of a person with nothing recorded there', async () => {
    for (const [stage, path] of STAGE_PAGES) {
      expect(await offersAt(morag, stage)).toEqual([]);
      const response = await page(`/people/${morag}/${path}`);
      expect(response.statusCode, path).toBe(200);
      expect(response.body, path).toContain(ASK);
      expect(response.body, path).toContain(`name="stage" value="${stage}"`);
    }
  });

  it('records an accepted offer from the eligibility page, in one audited write, then shows it instead of asking', async () => {
    const audits = async () =>
      (
        await rows<{ n: number }>(
          t.database.db,
          sql`select count(*)::int as n from audit_events where person_id = ${morag} and action = 'support_offer.record'`,
        )
      )[0]!.n;
    const before = await audits();
    const [y, m, d] = todayInLondon().split('-');
    const saved = await formPost(t.app, `/people/${morag}/support-offers/stage`, workerCookie, {
      stage: 'eligibility',
      kind: 'advocacy',
      response: 'accepted',
      provider: 'Partners in Advocacy',
      'offeredOn-day': d!,
      'offeredOn-month': m!,
      'offeredOn-year': y!,
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/people/${morag}/eligibility#support-offered`);
    expect(await audits()).toBe(before + 1);
    const shown = await page(`/people/${morag}/eligibility`);
    expect(shown.body).not.toContain(ASK);
    expect(shown.body).toContain(
      'Independent advocacy from Partners in Advocacy offered at the eligibility decision — accepted',
    );
    // The other stages still ask: an answer belongs to its own stage.
    expect((await page(`/people/${morag}/budget`)).body).toContain(ASK);
  });

  it('shows a manager without the form what is recorded, and a person never sees the staff inset', async () => {
    const managerView = await page(`/people/${morag}/eligibility`, managerCookie);
    expect(managerView.body).toContain('offered at the eligibility decision — accepted');
    const own = await page(`/people/${morag}/eligibility`, await cookieFor('person@demo.selfdirect.test'));
    expect(own.statusCode).toBe(200);
    expect(own.body).not.toContain('Independent advocacy and support at this stage');
  });

  it('refuses bad answers with the GOV.UK error summary, the answers kept, and saves nothing', async () => {
    const bad = await formPost(t.app, `/people/${morag}/support-offers/stage`, workerCookie, {
      stage: 'budget',
      kind: 'advocacy',
      response: 'not_offered',
      provider: 'Kept provider',
      'offeredOn-day': '1',
      'offeredOn-month': '1',
      'offeredOn-year': '2199',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('There is a problem');
    expect(bad.body).toContain('Enter why independent advocacy or support was not offered');
    expect(bad.body).toContain('The date it was offered must be today or in the past');
    expect(bad.body).toContain('value="Kept provider"');
    expect(bad.body).toContain(`href="/people/${morag}/budget"`);
    expect(await offersAt(morag, 'budget')).toEqual([]);

    const wrongStage = await formPost(t.app, `/people/${morag}/support-offers/stage`, workerCookie, {
      stage: 'review',
      kind: 'advocacy',
      response: 'accepted',
    });
    expect(wrongStage.statusCode).toBe(400);
    expect(wrongStage.body).toContain('Open this question from a stage’s page');

    const nul = await formPost(t.app, `/people/${morag}/support-offers/stage`, workerCookie, {
      stage: 'budget',
      kind: 'advocacy',
      response: 'not_offered',
      reason: 'bad\u0000text',
      'offeredOn-day': '1',
      'offeredOn-month': '1',
      'offeredOn-year': '2026',
    });
    expect(nul.statusCode).toBeGreaterThanOrEqual(400);
    expect(nul.statusCode).toBeLessThan(500);
    expect(await offersAt(morag, 'budget')).toEqual([]);
  });

  it('records "not offered" with its reason from the budget page', async () => {
    const saved = await formPost(t.app, `/people/${morag}/support-offers/stage`, workerCookie, {
      stage: 'budget',
      kind: 'advocacy',
      response: 'not_offered',
      reason: 'Her sister already advocates for her',
      'offeredOn-day': '2',
      'offeredOn-month': '1',
      'offeredOn-year': '2026',
    });
    expect(saved.statusCode).toBe(303);
    expect(await offersAt(morag, 'budget')).toEqual([
      { response: 'not_offered', reason: 'Her sister already advocates for her', provider: null },
    ]);
    const budget = await page(`/people/${morag}/budget`);
    expect(budget.body).toContain(
      'Independent advocacy not offered at working out the budget, because: Her sister already advocates for her',
    );
  });

  it('refuses the form to someone who may not write the case', async () => {
    const refused = await formPost(
      t.app,
      `/people/${morag}/support-offers/stage`,
      await cookieFor('worker.south@demo.selfdirect.test'),
      { stage: 'options', kind: 'advocacy', response: 'accepted' },
    );
    expect([403, 303]).toContain(refused.statusCode);
    expect(await offersAt(morag, 'options')).toEqual([]);
  });
});

describe('the API for recording an offer', () => {
  const good = { kind: 'advocacy', stage: 'options', response: 'declined', offeredOn: '2026-01-10' };

  it('records an offer at a stage from the fixed list', async () => {
    const created = await postOffer(morag, good);
    expect(created.statusCode).toBe(201);
    expect(await offersAt(morag, 'options')).toEqual([
      { response: 'declined', reason: null, provider: null },
    ]);
  });

  it('refuses, by field, a stage not on the list, a future date, a missing reason, a NUL and unknown fields', async () => {
    const badStage = await postOffer(morag, { ...good, stage: 'lunch' });
    expect(badStage.statusCode).toBe(400);
    expect(problem(badStage).errors?.map((e) => e.field)).toContain('stage');

    const future = await postOffer(morag, { ...good, stage: 'planning', offeredOn: '2199-01-01' });
    expect(future.statusCode).toBe(400);
    expect(problem(future).errors?.map((e) => e.field)).toEqual(['offeredOn']);

    const noReason = await postOffer(morag, { ...good, stage: 'planning', response: 'not_offered' });
    expect(noReason.statusCode).toBe(400);
    expect(problem(noReason).errors?.map((e) => e.field)).toEqual(['reason']);

    const nul = await postOffer(morag, { ...good, stage: 'planning', provider: 'a\u0000b' });
    expect(nul.statusCode).toBe(400);

    const extra = await postOffer(morag, { ...good, stage: 'planning', personId: morag });
    expect(extra.statusCode).toBe(400);
    expect(await offersAt(morag, 'planning')).toEqual([]);
  });

  it("refuses another council's person, saving nothing", async () => {
    const { authorityId } = await generateSynthetic(t.database.db, { scale: 'tiny', seed: 21, people: 3 });
    const [other] = await rows<{ id: string }>(
      t.database.db,
      sql`select id from people where authority_id = ${authorityId} limit 1`,
    );
    const refused = await postOffer(other!.id, { ...good, stage: 'eligibility' });
    expect([403, 404]).toContain(refused.statusCode);
    const pageRefused = await formPost(t.app, `/people/${other!.id}/support-offers/stage`, workerCookie, {
      stage: 'eligibility',
      kind: 'advocacy',
      response: 'accepted',
    });
    expect([403, 404]).toContain(pageRefused.statusCode);
    expect(await offersAt(other!.id, 'eligibility')).toEqual([]);
  });
});

describe('the timeline and the report', () => {
  it('shows each offer and answer by stage in words on the record', async () => {
    const record = await page(`/people/${morag}`);
    expect(record.statusCode).toBe(200);
    const timeline = record.body.slice(record.body.indexOf('id="timeline"'));
    expect(timeline).toContain(
      'Independent advocacy from Partners in Advocacy offered at the eligibility decision — accepted',
    );
    expect(timeline).toContain('Independent advocacy offered at choosing how support is arranged — declined');
    expect(timeline).toContain(
      'not offered at working out the budget, because: Her sister already advocates for her',
    );
    expect(timeline).not.toContain('not_offered');
    expect(record.body).toContain('Not yet recorded for: Support planning');
    const api = await t.app.inject({ url: `/api/v1/people/${morag}`, headers: bearer(worker) });
    expect(api.json().supportStillToAsk).toEqual(['planning']);
    expect(api.json().supportOffers).toContainEqual(
      expect.objectContaining({
        stage: 'budget',
        response: 'not_offered',
        reason: 'Her sister already advocates for her',
      }),
    );
  });

  it('counts offers and take-up by stage and kind for a manager, small numbers hidden', async () => {
    const response = await t.app.inject({ url: '/api/v1/reports/advocacy', headers: bearer(manager) });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    const [counted] = await rows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from (select distinct person_id, stage, kind from support_offers
            where authority_id = ${t.authorityId}) x`,
    );
    expect(body.total.answers).toBe(counted!.n);
    const eligibility = body.stages.find((s: { stage: string }) => s.stage === 'eligibility');
    expect(eligibility.asked).toBe(true);
    for (const stage of body.stages)
      for (const row of [stage.total, ...stage.byKind])
        for (const n of [row.answers, row.offered, row.accepted, row.declined, row.waiting, row.notOffered])
          expect(n === null || n === 0 || n >= 5).toBe(true);
    expect(JSON.stringify(body)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);

    const pageView = await page('/reports/advocacy', managerCookie);
    expect(pageView.statusCode).toBe(200);
    expect(pageView.body).toContain('Advocacy and support offered at each stage');
  });

  it('is refused to a worker and a person', async () => {
    expect(
      (await t.app.inject({ url: '/api/v1/reports/advocacy', headers: bearer(worker) })).statusCode,
    ).toBe(403);
    const person = await apiToken(t.app, 'person');
    expect(
      (await t.app.inject({ url: '/api/v1/reports/advocacy', headers: bearer(person) })).statusCode,
    ).toBe(403);
    expect((await page('/reports/advocacy')).statusCode).toBe(403);
  });
});

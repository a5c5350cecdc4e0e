import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiToken, bearer, problem, type TestApp, testApp } from '../../../test/support/app.ts';
import { rows } from '../../platform/db/transaction.ts';
import { addDays, todayInLondon } from '../../platform/dates.ts';
import { demoPerson } from '../budgets/budgets.fixtures.ts';

let t: TestApp;
let morag: string;
let worker: string;
beforeAll(async () => {
  t = await testApp();
  morag = (await demoPerson(t, 'Morag Campbell')).id;
  worker = await apiToken(t.app, 'worker');
});
afterAll(() => t.close());

const area = (band: string, evidence = 'Seen at the home visit.') => ({ band, evidence });
const scotland = (bands: [string, string, string, string]) => ({
  framework: 'scotland',
  areas: {
    autonomy: area(bands[0]),
    health_safety: area(bands[1]),
    daily_routines: area(bands[2]),
    community: area(bands[3]),
  },
});
const decisions = async (personId: string) =>
  (
    await rows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from eligibility_decisions where person_id = ${personId}`,
    )
  )[0]!.n;
const decide = (token: string, body: unknown, personId = morag) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/people/${personId}/eligibility`,
    headers: bearer(token),
    payload: body as object,
  });

describe('eligibility decisions on the API', () => {
  it('records an eligible decision with reasons, who decided and the review route; the person reads it', async () => {
    const response = await decide(worker, {
      assessment: scotland(['low', 'substantial', 'moderate', 'none']),
    });
    expect(response.statusCode).toBe(201);
    const decision = response.json();
    expect(decision).toMatchObject({
      eligible: true,
      result: 'substantial',
      decidedByName: 'Sam Okafor',
      signposting: null,
    });
    expect(decision.reasons.join(' ')).toContain('Health and safety');
    expect(decision.reviewRoute).toMatch(/look at it again/);

    const asPerson = await t.app.inject({
      url: `/api/v1/people/${morag}/eligibility`,
      headers: bearer(await apiToken(t.app, 'person')),
    });
    expect(asPerson.statusCode).toBe(200);
    expect(asPerson.json().decisions[0].id).toBe(decision.id);
  });

  it('never says a bare “not eligible”: signposting is recorded, and refused when empty', async () => {
    const before = await decisions(morag);
    const empty = await decide(worker, {
      assessment: scotland(['low', 'low', 'moderate', 'none']),
      signposting: { text: ' ', links: [] },
    });
    expect(empty.statusCode).toBe(400);
    expect(problem(empty).errors?.map((e) => e.field)).toContain('signposting.text');
    expect(await decisions(morag)).toBe(before);

    const withDefault = await decide(worker, { assessment: scotland(['low', 'low', 'moderate', 'none']) });
    expect(withDefault.statusCode).toBe(201);
    expect(withDefault.json()).toMatchObject({ eligible: false, result: 'moderate' });
    expect(withDefault.json().signposting.links.length).toBeGreaterThan(0);
  });

  it('refuses missing evidence and unknown bands with field errors, saving nothing', async () => {
    const before = await decisions(morag);
    const noEvidence = await decide(worker, {
      assessment: {
        ...scotland(['none', 'none', 'none', 'none']),
        areas: { ...scotland(['none', 'none', 'none', 'none']).areas, autonomy: area('critical', '') },
      },
    });
    expect(noEvidence.statusCode).toBe(400);
    expect(problem(noEvidence).errors).toEqual([
      { field: 'areas.autonomy.evidence', message: expect.stringContaining('critical') },
    ]);
    const wrongBand = await decide(worker, { assessment: scotland(['severe', 'none', 'none', 'none']) });
    expect(wrongBand.statusCode).toBe(400);
    expect(problem(wrongBand).errors?.[0]?.field).toContain('areas.autonomy.band');
    const wrongFramework = await decide(worker, {
      assessment: {
        framework: 'england',
        impairment: { met: true, evidence: 'x' },
        outcomes: {},
        wellbeing: { significantImpact: true, evidence: 'y' },
      },
    });
    expect(wrongFramework.statusCode).toBe(400);
    expect(problem(wrongFramework).errors?.[0]?.field).toBe('framework');
    expect(await decisions(morag)).toBe(before);
  });

  it('lets only case holders decide, and nobody outside the record read it', async () => {
    for (const role of ['person', 'finance', 'analyst'] as const) {
      const response = await decide(await apiToken(t.app, role), {
        assessment: scotland(['critical', 'none', 'none', 'none']),
      });
      expect(response.statusCode).toBe(403);
    }
    const analyst = await t.app.inject({
      url: `/api/v1/people/${morag}/eligibility`,
      headers: bearer(await apiToken(t.app, 'analyst')),
    });
    expect(analyst.statusCode).toBe(403);
    expect((await t.app.inject(`/api/v1/people/${morag}/eligibility`)).statusCode).toBe(401);
  });
});

describe('eligibility policy versions', () => {
  const policy = (effectiveFrom: string, fundedBands = ['critical', 'substantial', 'moderate']) => ({
    policy: {
      framework: 'scotland',
      versionLabel: `Criteria from ${effectiveFrom}`,
      fundedBands,
      reviewRoute: 'Ask your social worker for a review.',
    },
    effectiveFrom,
    signposting: {
      text: 'Community support near you.',
      links: [{ text: 'ALISS', href: 'https://www.aliss.org' }],
    },
  });
  const publish = (token: string, body: unknown) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/policies/eligibility',
      headers: bearer(token),
      payload: body as object,
    });

  it('refuses an overlap, a past start and bands with a hole, then publishes a clean version', async () => {
    const admin = await apiToken(t.app, 'admin');
    const overlap = await publish(admin, policy('2026-04-01'));
    expect(overlap.statusCode).toBe(400);
    expect(problem(overlap).errors?.[0]?.field).toBe('effectiveFrom');
    const past = await publish(admin, policy(addDays(todayInLondon(), -1)));
    expect(past.statusCode).toBe(400);
    const holes = await publish(admin, policy(addDays(todayInLondon(), 30), ['critical', 'moderate']));
    expect(problem(holes).errors?.map((e) => e.field)).toContain('fundedBands');

    const from = addDays(todayInLondon(), 30);
    const published = await publish(admin, policy(from));
    expect(published.statusCode).toBe(201);
    const versions = await rows<{ effective_to: string | null }>(
      t.database.db,
      sql`select effective_to::text from eligibility_policy_versions
          where status = 'published' and authority_id = ${t.authorityId} order by effective_from`,
    );
    expect(versions.map((v) => v.effective_to)).toEqual([addDays(from, -1), null]);
    expect((await publish(worker, policy(addDays(from, 30)))).statusCode).toBe(403);
  });
});

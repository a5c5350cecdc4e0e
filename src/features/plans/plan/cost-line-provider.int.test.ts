import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiToken, bearer, demoPersonId, type TestApp, testApp } from '../../../../test/support/app.ts';
import { pdfText } from '../../../../test/support/pdf-text.ts';
import { createSession } from '../../../platform/auth/credentials.ts';
import { rows } from '../../../platform/db/transaction.ts';
import { demoEmail } from '../../accounts/index.ts';
import { formPost as postForm } from '../../../../test/support/forms.ts';

/**
 * Issue 12 item 16 on the pages: the worker says on the cost-line page which provider gives a
 * piece of support, choosing only among the providers working with the person. Nessie's
 * provider is the demo provider (Allied Home Care); the demo worker is not one of them.
 */
let t: TestApp;
let nessie: string;
let cookie: string;
let token: string;
let ids: { provider: string; providerName: string; worker: string };

type Line = { description: string; deliveredBy?: string; sdsOption: number };
const plan = async () =>
  (await t.app.inject({ url: `/api/v1/people/${nessie}/plan`, headers: bearer(token) })).json() as {
    plan: { rowVersion: number; version: number };
    content: { outcomes: { ref: string }[]; costLines: Line[] };
  };
const pageGet = (path: string) => t.app.inject({ url: `/people/${nessie}${path}`, headers: { cookie } });

/** A page form post as Nessie's worker, carrying the CSRF token a browser would have. */
const formPost = (path: string, fields: Record<string, string>) =>
  postForm(t.app, `/people/${nessie}${path}`, cookie, fields);

beforeAll(async () => {
  t = await testApp();
  nessie = await demoPersonId(t, 'Agnes Thomson');
  // Someone holding Nessie's case: a worker or manager of the team she is allocated to.
  const [holder] = await rows<{ id: string; email: string }>(
    t.database.db,
    sql`select u.id, u.email from users u join people p on p.allocated_team_id = u.team_id
        where p.id = ${nessie} and u.role in ('worker', 'manager') order by u.role desc limit 1`,
  );
  token = await apiToken(t.app, holder!.email);
  cookie = `selfdirect_session=${t.app.signCookie(await createSession(t.database.db, holder!.id))}`;
  [ids] = (await rows<typeof ids>(
    t.database.db,
    sql`select (select id from users where email = ${demoEmail('provider')}) as provider,
               (select display_name from users where email = ${demoEmail('provider')}) as "providerName",
               (select id from users where email = ${demoEmail('worker')}) as worker`,
  )) as [typeof ids];
  const started = await formPost('/plan/new-version', { rowVersion: String((await plan()).plan.rowVersion) });
  expect(started.statusCode).toBe(303);
}, 120_000);
afterAll(() => t.close());

describe('the cost-line page', () => {
  it('saves the provider chosen from those working with the person, and refuses anyone else', async () => {
    const page = await pageGet('/plan/edit/cost-line');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Who will provide this?');
    expect(page.body).toContain(`value="${ids.provider}"`);
    expect(page.body).toContain(ids.providerName);
    expect(page.body).toContain('Not a provider with an account');
    expect(page.body).not.toContain(`value="${ids.worker}"`);

    const before = await plan();
    const answers = (deliveredBy: string) => ({
      rowVersion: String(before.plan.rowVersion),
      outcomeRef: before.content.outcomes[0]!.ref,
      description: 'Evening check-in call',
      providerKind: 'provider',
      frequency: '15 minutes every evening',
      weeklyCost: '10.00',
      fundingStream: 'council_social_care',
      sdsOption: String(before.content.costLines[0]!.sdsOption),
      deliveredBy,
    });

    const wrong = await formPost('/plan/edit/cost-line', answers(ids.worker));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('govuk-error-summary');
    expect(wrong.body).toContain('href="#deliveredBy"');
    expect(wrong.body).toContain('Choose a provider who works with this person');
    expect(wrong.body).toContain('value="Evening check-in call"');
    expect((await plan()).plan.rowVersion).toBe(before.plan.rowVersion);

    const right = await formPost('/plan/edit/cost-line', answers(ids.provider));
    expect(right.statusCode).toBe(303);
    const saved = await plan();
    expect(saved.content.costLines.find((l) => l.description === 'Evening check-in call')?.deliveredBy).toBe(
      ids.provider,
    );
    const planPage = await pageGet('/plan');
    expect(planPage.body).toContain(
      `Evening check-in call<br><span class="govuk-body-s">Care provider: ${ids.providerName}, paid from`,
    );
    const pdf = await pageGet('/plan.pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdfText(pdf.rawPayload).replace(/\s+/g, ' ')).toContain(
      `Care provider: ${ids.providerName}, 15 minutes every evening.`,
    );

    // A later version copies the line with who gives it.
    const later = await formPost('/plan/edit/about', {
      rowVersion: String(saved.plan.rowVersion),
      aboutMe: 'I like my tea at six.',
      contingency: 'If nobody comes, I ring my daughter.',
    });
    expect(later.statusCode).toBe(303);
    const next = await plan();
    expect(next.plan.version).toBeGreaterThan(saved.plan.version);
    expect(next.content.costLines.find((l) => l.description === 'Evening check-in call')?.deliveredBy).toBe(
      ids.provider,
    );
  });

  it('names no provider for support not decided yet', async () => {
    const before = await plan();
    const response = await formPost('/plan/edit/cost-line', {
      rowVersion: String(before.plan.rowVersion),
      outcomeRef: before.content.outcomes[0]!.ref,
      description: 'Gardening help',
      providerKind: 'community_resource',
      frequency: 'Once a month',
      weeklyCost: '5.00',
      fundingStream: 'council_social_care',
      sdsOption: String(before.content.costLines[0]!.sdsOption),
      deliveredBy: 'not-decided',
    });
    expect(response.statusCode).toBe(303);
    const line = (await plan()).content.costLines.find((l) => l.description === 'Gardening help');
    expect(line).toBeDefined();
    expect(line?.deliveredBy ?? null).toBeNull();
  });
});

describe('a date typed into a plan page', () => {
  it('that is not on the calendar gets the field’s error, linked to its first box, and nothing is saved', async () => {
    const before = await plan();
    const restriction = (decided: [string, string, string], review: [string, string, string]) => ({
      rowVersion: String(before.plan.rowVersion),
      description: 'No direct payment to a family member',
      reasonKind: 'policy_clause',
      reasonDetail: 'Direct payments policy 4.2',
      decidedBy: 'Team manager',
      'decidedOn-day': decided[0],
      'decidedOn-month': decided[1],
      'decidedOn-year': decided[2],
      'reviewOn-day': review[0],
      'reviewOn-month': review[1],
      'reviewOn-year': review[2],
    });
    for (const [decided, review] of [
      [
        ['31', '2', '2026'],
        ['1', '6', '2027'],
      ],
      [
        ['1', '1', '0'],
        ['1', '6', '2027'],
      ],
      [
        ['1', '1', '99999'],
        ['1', '6', '2027'],
      ],
      [
        ['1', '13', '2026'],
        ['1', '6', '2027'],
      ],
    ] as [[string, string, string], [string, string, string]][]) {
      const response = await formPost('/plan/edit/restriction', restriction(decided, review));
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('govuk-error-summary');
      expect(response.body).toContain('href="#decidedOn-day"');
      expect(response.body).toContain('Enter the date it was decided');
      expect(response.body).toContain(`value="${decided[2]}"`);
    }
    const late = await formPost(
      '/plan/edit/restriction',
      restriction(['1', '6', '2026'], ['1', '1', '2201']),
    );
    expect(late.statusCode).toBe(400);
    expect(late.body).toContain('href="#reviewOn-day"');
    expect(late.body).toContain('Enter the date it will be reviewed');
    expect((await plan()).plan.rowVersion).toBe(before.plan.rowVersion);
  });
});

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTCOME_AREAS, SAID_BY, SECTIONS } from '../../src/features/conversations/lists.ts';
import { CLIENT_GROUPS } from '../../src/features/people/client-groups.ts';
import { AGREEMENT_WAYS } from '../../src/features/plans/plan/agreement-rules.ts';
import { PROVIDER_KINDS } from '../../src/features/plans/plan/costs.ts';
import { REFERENCE_LISTS } from '../../src/features/reference-lists/lists.ts';
import { rows } from '../../src/platform/db/transaction.ts';
import { FUNDING_STREAMS } from '../../src/platform/funding-streams.ts';
import { apiToken, bearer, demoPersonId, problem, type TestApp, testApp } from '../support/app.ts';

/**
 * The API says what it takes and answers in the request's own words (issue 12, item 9):
 * fixed code lists are enums in the OpenAPI and readable from /api/v1/reference-lists, the
 * demo data only holds valid codes, errors name the request's fields, media types match.
 */
let t: TestApp;
let document: {
  paths: Record<
    string,
    Record<
      string,
      { requestBody?: unknown; responses: Record<string, { content?: Record<string, unknown> }> }
    >
  >;
};

beforeAll(async () => {
  t = await testApp();
  document = (await t.app.inject('/api/openapi.json')).json();
}, 120_000);
afterAll(() => t.close());

const codes = (list: Record<string, string>) => Object.keys(list).sort();

/** The enum a request body declares at a path of property names ('[]' steps into an array). */
function requestEnum(path: string, method: string, field: string[]): string[] | undefined {
  const body = document.paths[path]?.[method]?.requestBody as
    | { content: { 'application/json': { schema: Schema } } }
    | undefined;
  let schema: Schema | undefined = body?.content['application/json'].schema;
  for (const step of field) {
    schema = step === '[]' ? schema?.items : schema?.properties?.[step];
  }
  const found = new Set<string>();
  const collect = (s: Schema | undefined) => {
    for (const value of s?.enum ?? []) if (value !== '') found.add(String(value));
    for (const option of s?.anyOf ?? []) collect(option);
  };
  collect(schema);
  return found.size ? [...found].sort() : undefined;
}
interface Schema {
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  anyOf?: Schema[];
}

describe('fixed code lists', () => {
  it('are enums in the OpenAPI wherever a request sends one', () => {
    const cases: [string, string, string[], Record<string, string>][] = [
      ['/api/v1/people', 'post', ['clientGroup'], CLIENT_GROUPS],
      ['/api/v1/people/{personId}/conversations', 'post', ['entries', '[]', 'section'], SECTIONS],
      ['/api/v1/people/{personId}/conversations', 'post', ['entries', '[]', 'saidBy'], SAID_BY],
      ['/api/v1/people/{personId}/outcomes', 'post', ['saidBy'], SAID_BY],
      ['/api/v1/people/{personId}/outcomes', 'post', ['area'], OUTCOME_AREAS],
      [
        '/api/v1/people/{personId}/plan',
        'put',
        ['content', 'costLines', '[]', 'providerKind'],
        PROVIDER_KINDS,
      ],
      ['/api/v1/people/{personId}/plan/agreement', 'post', ['way'], AGREEMENT_WAYS],
    ];
    for (const [path, method, field, list] of cases) {
      expect(requestEnum(path, method, field), `${method} ${path} ${field.join('.')}`).toEqual(codes(list));
    }
  });

  it('send funding streams as codes from the council’s own list, which the OpenAPI points to', () => {
    // Each council adds its own streams (issue 15), so these are checked by the service, not an enum.
    for (const [path, method, field] of [
      ['/api/v1/people/{personId}/plan', 'put', ['content', 'costLines', '[]', 'fundingStream']],
      ['/api/v1/people/{personId}/budget/indicative', 'post', ['fundingStreams', '[]', 'stream']],
    ] as const) {
      expect(requestEnum(path, method, [...field])).toBeUndefined();
      const body = document.paths[path]?.[method]?.requestBody as {
        content: { 'application/json': { schema: Schema } };
      };
      let schema: (Schema & { description?: string }) | undefined = body.content['application/json'].schema;
      for (const step of field) schema = step === '[]' ? schema?.items : schema?.properties?.[step];
      expect(schema?.description, `${method} ${path}`).toContain('/api/v1/funding-streams');
    }
    expect(document.paths['/api/v1/funding-streams']).toBeDefined();
  });

  it('are readable by anyone from the reference-list endpoint, each code with a plain label', async () => {
    const all = await t.app.inject('/api/v1/reference-lists');
    expect(all.statusCode).toBe(200);
    const lists = all.json().lists as { name: string; values: { value: string; label: string }[] }[];
    expect(lists.map((l) => l.name).sort()).toEqual(
      [
        'clientGroup',
        'conversationSaidBy',
        'conversationSection',
        'fundingStream',
        'outcomeArea',
        'outcomeSaidBy',
        'planAgreementWay',
        'providerKind',
      ].sort(),
    );
    for (const list of lists) {
      const values = REFERENCE_LISTS[list.name as keyof typeof REFERENCE_LISTS].values as Record<
        string,
        string
      >;
      expect(list.values).toEqual(Object.entries(values).map(([value, label]) => ({ value, label })));
    }
    const one = await t.app.inject('/api/v1/reference-lists/fundingStream');
    expect(one.json().values.map((v: { value: string }) => v.value)).toEqual(Object.keys(FUNDING_STREAMS));
    const missing = await t.app.inject('/api/v1/reference-lists/nope');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('match the national reference tables the database holds', async () => {
    const groups = await rows<{ code: string; label: string }>(
      t.database.db,
      sql`select code, label from client_groups order by sort_order`,
    );
    expect(Object.fromEntries(groups.map((g) => [g.code, g.label]))).toEqual(CLIENT_GROUPS);
    const areas = await rows<{ code: string; label: string }>(
      t.database.db,
      sql`select code, plain_label as label from outcome_areas order by sort_order`,
    );
    expect(Object.fromEntries(areas.map((a) => [a.code, a.label]))).toEqual(OUTCOME_AREAS);
  });

  it('hold every value the demo seeds write', async () => {
    const distinct = async (query: ReturnType<typeof sql>) =>
      (await rows<{ value: string }>(t.database.db, query)).map((r) => r.value);
    const checks: [string, string[], Record<string, string>][] = [
      [
        'people.client_group',
        await distinct(sql`select distinct client_group as value from people`),
        CLIENT_GROUPS,
      ],
      [
        'personal_outcomes.said_by',
        await distinct(sql`select distinct said_by as value from personal_outcomes`),
        SAID_BY,
      ],
      [
        'personal_outcomes.area',
        await distinct(sql`select distinct area as value from personal_outcomes`),
        OUTCOME_AREAS,
      ],
      [
        'conversation_entries.section',
        await distinct(sql`select distinct section as value from conversation_entries`),
        SECTIONS,
      ],
      [
        'conversation_entries.said_by',
        await distinct(sql`select distinct said_by as value from conversation_entries`),
        SAID_BY,
      ],
      [
        'support_plan_cost_lines.provider_kind',
        await distinct(sql`select distinct provider_kind as value from support_plan_cost_lines`),
        PROVIDER_KINDS,
      ],
      [
        'support_plan_cost_lines.funding_stream',
        await distinct(sql`select distinct funding_stream as value from support_plan_cost_lines`),
        FUNDING_STREAMS,
      ],
      [
        'support_plans.content costLines[].fundingStream',
        await distinct(
          sql`select distinct line->>'fundingStream' as value
                from support_plans, jsonb_array_elements(content->'costLines') as line`,
        ),
        FUNDING_STREAMS,
      ],
      [
        'plan_agreements.way',
        await distinct(sql`select distinct way as value from plan_agreements`),
        AGREEMENT_WAYS,
      ],
      [
        'budget_funding_streams.stream',
        await distinct(sql`select distinct stream as value from budget_funding_streams`),
        FUNDING_STREAMS,
      ],
    ];
    for (const [column, values, list] of checks) {
      expect(values.length, `${column} has demo data`).toBeGreaterThan(0);
      expect(
        values.filter((v) => !Object.hasOwn(list, v)),
        column,
      ).toEqual([]);
    }
  });
});

describe('errors name the request’s own fields', () => {
  it('a bad credit account is reported as creditAccount, not debitAccount', async () => {
    const finance = bearer(await apiToken(t.app, 'finance'));
    const [fund] = await rows<{ id: string }>(
      t.database.db,
      sql`select id from ledger_accounts where id like 'council_dp_fund:%' limit 1`,
    );
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/ledger/transfers',
      headers: finance,
      payload: {
        idempotencyKey: 'contract-test-credit-account',
        debitAccount: fund!.id,
        creditAccount: 'person_dp_account:00000000-0000-4000-8000-000000000000',
        amount: 100,
        postedOn: '2026-04-06',
        description: 'Test',
      },
    });
    expect(response.statusCode).toBe(400);
    expect(problem(response).errors?.map((e) => e.field)).toEqual(['creditAccount']);
  });

  it('a schema error deep in an array is named in the one path style', async () => {
    const worker = bearer(await apiToken(t.app, 'worker'));
    const morag = await demoPersonId(t);
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/people/${morag}/budget/what-if`,
      headers: worker,
      payload: { changedNeeds: [{ outcomeId: morag, unitCode: 'pa_hour', quantityPerWeek: 'lots' }] },
    });
    expect(response.statusCode).toBe(400);
    expect(problem(response).errors?.map((e) => e.field)).toEqual(['changedNeeds[0].quantityPerWeek']);
  });

  it('a second direct-payment agreement is a 409, as documented', async () => {
    const finance = bearer(await apiToken(t.app, 'finance'));
    const morag = await demoPersonId(t);
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/people/${morag}/payments/agreement`,
      headers: finance,
      payload: {
        frequency: 'weekly',
        startDate: '2026-04-06',
        holderKind: 'person',
        holderName: 'Morag Campbell',
        sortCode: '20 00 00',
        accountNumber: '55779911',
      },
    });
    expect(response.statusCode).toBe(409);
    expect(
      document.paths['/api/v1/people/{personId}/payments/agreement']!.post!.responses['409'],
    ).toBeDefined();
  });
});

describe('media types in the OpenAPI', () => {
  it('the bank file is text/csv or text/plain, its errors problem+json', () => {
    const responses = document.paths['/api/v1/payments/runs/{runId}/bank-file']!.get!.responses;
    expect(Object.keys(responses['200']!.content!).sort()).toEqual(['text/csv', 'text/plain']);
    expect(Object.keys(responses['409']!.content!)).toEqual(['application/problem+json']);
  });

  it('every error response of every operation is problem+json', () => {
    const wrong: string[] = [];
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        for (const [status, response] of Object.entries(operation.responses ?? {})) {
          if (Number(status) < 400 || !response.content) continue;
          if (Object.keys(response.content).join() !== 'application/problem+json')
            wrong.push(`${method} ${path} ${status}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});

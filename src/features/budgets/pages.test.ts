import { afterEach, describe, expect, it } from 'vitest';
import { fakeApp, fakeServices } from '../../../test/support/fake-app.ts';
import { TEST_ADDRESSING } from '../../platform/pdf/pdf.fixtures.ts';
import type { App } from '../../app.ts';
import type { PersonAccess } from '../../platform/auth/access.ts';
import { emptyBudgetRecord } from './budgets.fixtures.ts';
import type { BudgetRecord } from './service.ts';

// Route tests with fake services and no database (test/support/fake-app.ts): the page renders
// what the service gives, the guard refuses before any service runs, and a service that fails
// gives the error page without its detail. The real-database journeys stay in *.int.test.ts.
const PERSON_ID = '11111111-1111-4111-8111-111111111111';

const record = (crisis: boolean): BudgetRecord => ({
  ...emptyBudgetRecord(PERSON_ID, crisis),
  stageSupport: {
    stage: 'budget',
    stageLabel: 'Budget',
    offers: [],
    ask: true,
    mayRecord: true,
    action: `/people/${PERSON_ID}/support-offers/stage`,
    today: '2026-03-01',
  },
});

let app: App | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const allocated = () => ({ kind: 'allocated_worker' as const, powers: [] });

describe('budget page with fake services', () => {
  it('renders the fake record for the allocated worker, with what the policy lets them do', async () => {
    const seen: PersonAccess[] = [];
    app = await fakeApp({
      services: fakeServices({
        budgets: {
          record: async (access) => {
            seen.push(access);
            return record(true);
          },
        },
      }),
      relationship: allocated,
    });
    const worker = await app.inject({
      url: `/people/${PERSON_ID}/budget`,
      headers: { 'x-fake-actor': 'worker' },
    });
    expect(worker.statusCode).toBe(200);
    expect(worker.body).toContain('Ailsa Fakename');
    expect(worker.body).toContain('No budget has been worked out yet.');
    expect(worker.body).toContain('An indicative budget follows an eligible decision'); // mayCost
    expect(worker.body).not.toContain('Approve an interim budget'); // case.decide is the manager's
    // Nobody has recorded whether advocacy was offered at this stage: the page asks.
    expect(worker.body).toContain('Was it offered at this stage, and what did the person say?');
    expect(worker.body).toContain(`action="/people/${PERSON_ID}/support-offers/stage"`);
    expect(seen).toMatchObject([
      { kind: 'person', personId: PERSON_ID, permission: 'record.read', relationship: allocated() },
    ]);

    const manager = await app.inject({
      url: `/people/${PERSON_ID}/budget`,
      headers: { 'x-fake-actor': 'manager' },
    });
    expect(manager.statusCode).toBe(200);
    expect(manager.body).toContain('Approve an interim budget');
  });

  it('sends the person to their own page: the case view is for those who work from the case list', async () => {
    app = await fakeApp({
      services: fakeServices({ budgets: { record: async () => record(false) } }),
      relationship: () => ({ kind: 'self', powers: [] }),
    });
    const response = await app.inject({
      url: `/people/${PERSON_ID}/budget`,
      headers: { 'x-fake-actor': 'person' },
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe(`/my/${PERSON_ID}/budget`);
  });

  it('opens the person’s own page in Easy Read when their record asks for it, the standard page one click away', async () => {
    const easyRead = (): BudgetRecord => {
      const base = record(false);
      return { ...base, person: { ...base.person, communicationNeeds: ['bsl', 'easy_read'] } };
    };
    app = await fakeApp({
      services: fakeServices({ budgets: { record: async () => easyRead() } }),
      relationship: () => ({ kind: 'self', powers: [] }),
    });
    const own = await app.inject({ url: `/my/${PERSON_ID}/budget`, headers: { 'x-fake-actor': 'person' } });
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain('class="selfdirect-easy-read"');
    expect(own.body).toContain('We have not worked out your budget yet.');
    expect(own.body).toContain('src="/public/easy-read/money.svg" alt="A pile of coins and a bank note"');
    expect(own.body).toContain(`href="/my/${PERSON_ID}/budget?version=standard">Standard version</a>`);
    const standard = await app.inject({
      url: `/my/${PERSON_ID}/budget?version=standard`,
      headers: { 'x-fake-actor': 'person' },
    });
    expect(standard.statusCode).toBe(200);
    expect(standard.body).not.toContain('class="selfdirect-easy-read"');
    expect(standard.body).toContain(`href="/people/${PERSON_ID}/budget/easy-read">Easy Read version</a>`);
  });

  it('shows the worker the standard case page, with Easy Read one click away', async () => {
    app = await fakeApp({
      services: fakeServices({
        budgets: {
          record: async () => record(false),
          letter: async () => ({ record: record(false), addressing: TEST_ADDRESSING }),
        },
      }),
      relationship: allocated,
    });
    const easy = await app.inject({
      url: `/people/${PERSON_ID}/budget/easy-read`,
      headers: { 'x-fake-actor': 'worker' },
    });
    expect(easy.statusCode).toBe(200);
    expect(easy.body).toContain('class="selfdirect-easy-read"');
    expect(easy.body).toContain(`href="/people/${PERSON_ID}/budget">Standard version</a>`);
    const letter = await app.inject({
      url: `/people/${PERSON_ID}/budget/letter-easy-read.pdf`,
      headers: { 'x-fake-actor': 'worker' },
    });
    expect(letter.statusCode).toBe(200);
    expect(letter.headers['content-type']).toBe('application/pdf');
    expect(letter.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('refuses before any service runs: signed out, and a role the route does not allow', async () => {
    let calls = 0;
    const count = async () => {
      calls += 1;
      return [];
    };
    app = await fakeApp({ services: fakeServices({ budgets: { openInterims: count } }) });
    const signedOut = await app.inject({ url: '/budgets/interim' });
    expect(signedOut.statusCode).toBe(303);
    expect(signedOut.headers.location).toBe('/sign-in?next=%2Fbudgets%2Finterim');
    const worker = await app.inject({ url: '/budgets/interim', headers: { 'x-fake-actor': 'worker' } });
    expect(worker.statusCode).toBe(403);
    expect(worker.body).toContain('You do not have access');
    expect(calls).toBe(0);
    const manager = await app.inject({ url: '/budgets/interim', headers: { 'x-fake-actor': 'manager' } });
    expect(manager.statusCode).toBe(200);
    expect(calls).toBe(1);
  });

  it('answers a failing service with the error page (and a problem on the API), never its detail', async () => {
    const secret = 'connection to db-internal.example:5432 refused for user budget_rw';
    app = await fakeApp({
      services: fakeServices({
        budgets: {
          record: async () => {
            throw new Error(secret);
          },
        },
      }),
      relationship: allocated,
    });
    const page = await app.inject({
      url: `/people/${PERSON_ID}/budget`,
      headers: { 'x-fake-actor': 'worker' },
    });
    expect(page.statusCode).toBe(500);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).not.toContain(secret);
    expect(page.body).not.toContain('db-internal');

    const api = await app.inject({
      url: `/api/v1/people/${PERSON_ID}/budget`,
      headers: { 'x-fake-actor': 'worker' },
    });
    expect(api.statusCode).toBe(500);
    expect(api.json()).toMatchObject({ status: 500 });
    expect(api.body).not.toContain('db-internal');
  });
});

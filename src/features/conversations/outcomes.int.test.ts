import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../platform/db/transaction.ts';
import { apiToken, bearer, problem, type TestApp, testApp } from '../../../test/support/app.ts';
import { listCurrentOutcomes } from './outcomes-read.ts';
import { inTenant } from '../../platform/db/transaction.ts';

let t: TestApp;
let worker: string;
let person: string;
let rep: string;
let morag: string;
let callum: string;

beforeAll(async () => {
  t = await testApp();
  worker = await apiToken(t.app, 'worker');
  person = await apiToken(t.app, 'person');
  rep = await apiToken(t.app, 'representative');
  const found = await rows<{ id: string; name: string }>(
    t.database.db,
    sql`select id, legal_name as name from people where legal_name in ('Morag Campbell', 'Callum Reid')`,
  );
  morag = found.find((p) => p.name === 'Morag Campbell')!.id;
  callum = found.find((p) => p.name === 'Callum Reid')!.id;
});
afterAll(() => t.close());

const outcomeUrl = (personId: string, id = '') => `/api/v1/people/${personId}/outcomes${id ? `/${id}` : ''}`;

describe('personal outcomes', () => {
  it('lets the person add an outcome in their own words, and the worker add their view beside it', async () => {
    const added = await t.app.inject({
      method: 'POST',
      url: outcomeUrl(morag),
      headers: bearer(person),
      payload: { personWords: 'I want to swim at the Commonwealth Pool again.', area: 'things_i_do' },
    });
    expect(added.statusCode).toBe(201);
    const { id, version } = added.json();
    const viewed = await t.app.inject({
      method: 'PATCH',
      url: outcomeUrl(morag, id),
      headers: bearer(worker),
      payload: { version, professionalView: 'Pool hoist is available; a PA can go with her.', priority: 1 },
    });
    expect(viewed.statusCode).toBe(200);
    const detail = (await t.app.inject({ url: outcomeUrl(morag, id), headers: bearer(person) })).json();
    expect(detail.outcome.personWords).toBe('I want to swim at the Commonwealth Pool again.');
    expect(detail.outcome.saidBy).toBe('person');
    expect(detail.outcome.professionalView).toContain('Pool hoist');
    expect(
      detail.history.map((h: { version: number; changedByRole: string }) => [h.version, h.changedByRole]),
    ).toEqual([
      [2, 'worker'],
      [1, 'person'],
    ]);
    expect(detail.history[0].changes).toEqual({
      professionalView: { from: null, to: 'Pool hoist is available; a PA can go with her.' },
      priority: { from: 2, to: 1 },
    });
    // Other features read current outcomes through the shared contract.
    const current = await inTenant(t.database.db, t.authorityId, (tx) => listCurrentOutcomes(tx, morag));
    expect(current.map((o) => o.id)).toContain(id);
  });

  it('never lets the person or their representative write the professional view', async () => {
    const refused = await t.app.inject({
      method: 'POST',
      url: outcomeUrl(morag),
      headers: bearer(person),
      payload: { personWords: 'Mine', area: 'health', professionalView: 'I am the worker now' },
    });
    expect(refused.statusCode).toBe(403);
    const repAdds = await t.app.inject({
      method: 'POST',
      url: outcomeUrl(callum),
      headers: bearer(rep),
      payload: {
        personWords: 'Callum wants to go to the swimming with his pals.',
        area: 'things_i_do',
      },
    });
    expect(repAdds.statusCode).toBe(201);
    const detail = (
      await t.app.inject({ url: outcomeUrl(callum, repAdds.json().id), headers: bearer(rep) })
    ).json();
    // Who said it follows who wrote it: the representative, not the child (attribution.int.test.ts).
    expect(detail.outcome.saidBy).toBe('representative');
  });

  it('tells the second of two concurrent edits that someone else changed it, and overwrites nothing', async () => {
    const { id, version } = (
      await t.app.inject({
        method: 'POST',
        url: outcomeUrl(morag),
        headers: bearer(person),
        payload: { personWords: 'See my pals more', area: 'people_i_see' },
      })
    ).json();
    const first = await t.app.inject({
      method: 'PATCH',
      url: outcomeUrl(morag, id),
      headers: bearer(person),
      payload: { version, personWords: 'See my pals every week' },
    });
    expect(first.statusCode).toBe(200);
    const second = await t.app.inject({
      method: 'PATCH',
      url: outcomeUrl(morag, id),
      headers: bearer(worker),
      payload: { version, personWords: 'Sees friends' },
    });
    expect(second.statusCode).toBe(409);
    expect(problem(second).title).toBe('This was changed by someone else');
    const detail = (await t.app.inject({ url: outcomeUrl(morag, id), headers: bearer(worker) })).json();
    expect(detail.outcome.personWords).toBe('See my pals every week');
    expect(detail.history).toHaveLength(2);
  });

  it('refuses an empty outcome or an unknown area, field by field', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: outcomeUrl(morag),
      headers: bearer(worker),
      payload: { personWords: '  ', area: 'moon_landing' },
    });
    expect(bad.statusCode).toBe(400);
    expect(problem(bad).errors?.map((e) => e.field)).toEqual(['personWords', 'area']);
  });

  it('does not let the person change someone else’s outcomes', async () => {
    const [other] = await rows<{ id: string }>(
      t.database.db,
      sql`select id from personal_outcomes where person_id = ${callum} limit 1`,
    );
    const response = await t.app.inject({
      method: 'PATCH',
      url: outcomeUrl(callum, other!.id),
      headers: bearer(person),
      payload: { version: 1, personWords: 'x' },
    });
    expect(response.statusCode).toBe(403);
  });
});

describe('good conversations', () => {
  it('keeps a child’s own views apart from their parents’, and marks transition from 14', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/v1/people/${callum}/conversations`,
      headers: bearer(worker),
      payload: {
        heldOn: '2026-01-10',
        entries: [
          {
            section: 'child_views',
            text: 'I want to go to the big school.',
            saidBy: 'person',
            ownWords: true,
          },
          {
            section: 'parent_views',
            text: 'We worry about lunchtimes.',
            saidBy: 'family',
            saidByName: 'Mum',
            ownWords: false,
          },
        ],
      },
    });
    expect(created.statusCode).toBe(201);
    // Callum (born 2 June 2011) was 14 on 10 January 2026.
    expect(created.json()).toMatchObject({ child: true, transition: true });
    const mixed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/people/${callum}/conversations`,
      headers: bearer(worker),
      payload: {
        heldOn: '2026-01-10',
        entries: [{ section: 'child_views', text: 'He wants…', saidBy: 'family', ownWords: true }],
      },
    });
    expect(problem(mixed).errors?.map((e) => e.field)).toEqual(['entries[0].ownWords', 'entries[0].saidBy']);
    const adult = await t.app.inject({
      method: 'POST',
      url: `/api/v1/people/${morag}/conversations`,
      headers: bearer(worker),
      payload: {
        heldOn: '2026-01-10',
        entries: [{ section: 'child_views', text: 'x', saidBy: 'person', ownWords: true }],
      },
    });
    expect(problem(adult).errors?.map((e) => e.field)).toEqual(['entries[0].section']);
    const list = (
      await t.app.inject({ url: `/api/v1/people/${callum}/conversations`, headers: bearer(rep) })
    ).json();
    const recorded = list.conversations.find((c: { id: string }) => c.id === created.json().id);
    expect(recorded.sections.map((s: { code: string }) => s.code)).toEqual(['child_views', 'parent_views']);
  });
});

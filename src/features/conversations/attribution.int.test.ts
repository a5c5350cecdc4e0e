import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '../../platform/db/migrate.ts';
import { rows } from '../../platform/db/transaction.ts';
import { apiToken, bearer, demoPersonId, problem, type TestApp, testApp } from '../../../test/support/app.ts';

/**
 * Whose words these are: who said them (only someone the signed-in account may speak for)
 * and who typed them (the signed-in account, recorded by the server), through the API.
 */
let t: TestApp;
let worker: string;
let person: string;
let rep: string;
let morag: string;
let callum: string;

beforeAll(async () => {
  t = await testApp();
  [worker, person, rep] = await Promise.all([
    apiToken(t.app, 'worker'),
    apiToken(t.app, 'person'),
    apiToken(t.app, 'representative'),
  ]);
  morag = await demoPersonId(t);
  callum = await demoPersonId(t, 'Callum Reid');
});
afterAll(() => t.close());

type Entry = {
  id: string;
  text: string;
  saidBy: string;
  saidByName: string | null;
  typedBy: { name: string; role: string } | null;
};
type Outcome = {
  id: string;
  personWords: string;
  saidBy: string;
  saidByName: string | null;
  version: number;
  typedBy: { name: string; role: string } | null;
};

const send = (token: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1/people${url}`, headers: bearer(token), payload });

async function entries(token: string, personId: string): Promise<Entry[]> {
  const list = (await send(token, 'GET', `/${personId}/conversations`)).json();
  return list.conversations.flatMap((c: { sections: { entries: Entry[] }[] }) =>
    c.sections.flatMap((s) => s.entries),
  );
}
async function firstConversation(token: string, personId: string): Promise<string> {
  return (await send(token, 'GET', `/${personId}/conversations`)).json().conversations[0].id;
}
async function outcome(token: string, personId: string, id: string): Promise<Outcome> {
  return (await send(token, 'GET', `/${personId}/outcomes/${id}`)).json().outcome;
}

describe('who said it and who typed it', () => {
  it('never lets the person post words as the worker, nor say who typed them', async () => {
    const asWorker = await send(person, 'POST', `/${morag}/conversations`, {
      heldOn: '2026-01-05',
      entries: [{ section: 'working', text: 'Morag is doing well.', saidBy: 'worker', ownWords: false }],
    });
    expect(asWorker.statusCode).toBe(400);
    expect(problem(asWorker).errors?.map((e) => e.field)).toEqual(['entries[0].saidBy']);

    const conversationId = await firstConversation(person, morag);
    const added = await send(person, 'POST', `/${morag}/conversations/${conversationId}/entries`, {
      section: 'strengths',
      text: 'The worker says Morag is doing well.',
      saidBy: 'worker',
      ownWords: false,
    });
    expect(added.statusCode).toBe(400);
    expect(problem(added).errors?.map((e) => e.field)).toEqual(['saidBy']);

    const typedBy = await send(person, 'POST', `/${morag}/conversations/${conversationId}/entries`, {
      section: 'strengths',
      text: 'I can cook for myself.',
      saidBy: 'person',
      ownWords: true,
      typedBy: { name: 'Sam Okafor', role: 'worker' },
    });
    expect(typedBy.statusCode).toBe(400);

    const own = await send(person, 'POST', `/${morag}/conversations/${conversationId}/entries`, {
      section: 'strengths',
      text: 'I can cook for myself.',
      saidBy: 'person',
      ownWords: true,
    });
    expect(own.statusCode).toBe(201);
    const saved = (await entries(worker, morag)).find((e) => e.id === own.json().id);
    expect(saved).toMatchObject({
      saidBy: 'person',
      saidByName: null,
      typedBy: { name: 'Morag Campbell', role: 'person' },
    });
    expect((await entries(worker, morag)).some((e) => e.text === 'Morag is doing well.')).toBe(false);
  });

  it('never lets a representative add to or change a child’s own words, only add their own', async () => {
    const conversationId = await firstConversation(rep, callum);
    const childsWords = await send(rep, 'POST', `/${callum}/conversations/${conversationId}/entries`, {
      section: 'child_views',
      text: 'I want to go to the big school.',
      saidBy: 'person',
      ownWords: true,
    });
    expect(childsWords.statusCode).toBe(400);
    expect(problem(childsWords).errors?.map((e) => e.field)).toContain('saidBy');
    const asWorker = await send(rep, 'POST', `/${callum}/conversations/${conversationId}/entries`, {
      section: 'parent_views',
      text: 'Callum needs a buddy.',
      saidBy: 'worker',
      ownWords: false,
    });
    expect(problem(asWorker).errors?.map((e) => e.field)).toEqual(['saidBy']);
    const inTheChildsSection = await send(rep, 'POST', `/${callum}/conversations/${conversationId}/entries`, {
      section: 'what_matters',
      text: 'Callum loves swimming.',
      saidBy: 'representative',
      ownWords: false,
    });
    expect(problem(inTheChildsSection).errors?.map((e) => e.field)).toEqual(['section']);

    const theirs = await send(rep, 'POST', `/${callum}/conversations/${conversationId}/entries`, {
      section: 'parent_views',
      text: 'I worry about the bus to school.',
      saidBy: 'representative',
      ownWords: false,
    });
    expect(theirs.statusCode).toBe(201);
    expect((await entries(worker, callum)).find((e) => e.id === theirs.json().id)).toMatchObject({
      saidBy: 'representative',
      saidByName: 'Fiona Reid',
      typedBy: { name: 'Fiona Reid', role: 'representative' },
    });

    // An outcome in the child's words: the parent can neither add one nor change one.
    const added = await send(rep, 'POST', `/${callum}/outcomes`, {
      personWords: 'Callum wants to go to the swimming with his pals.',
      area: 'things_i_do',
      saidBy: 'person',
    });
    expect(added.statusCode).toBe(400);
    expect(problem(added).errors?.map((e) => e.field)).toEqual(['saidBy']);
    const outcomes: Outcome[] = (await send(rep, 'GET', `/${callum}/outcomes`)).json().outcomes;
    const his = outcomes.find((o) => o.saidBy === 'person')!;
    const changed = await send(rep, 'PATCH', `/${callum}/outcomes/${his.id}`, {
      version: his.version,
      personWords: 'Callum wants to go swimming with me.',
    });
    expect(changed.statusCode).toBe(400);
    expect(problem(changed).errors?.map((e) => e.field)).toEqual(['personWords']);
    const reattributed = await send(rep, 'PATCH', `/${callum}/outcomes/${his.id}`, {
      version: his.version,
      saidBy: 'representative',
    });
    expect(problem(reattributed).errors?.map((e) => e.field)).toEqual(['personWords']);
    expect(await outcome(worker, callum, his.id)).toMatchObject({
      personWords: his.personWords,
      saidBy: 'person',
      version: his.version,
    });

    // Her own outcome is hers, named, and typed by her.
    const hers = await send(rep, 'POST', `/${callum}/outcomes`, {
      personWords: 'I want Callum to have a buddy at the pool.',
      area: 'things_i_do',
    });
    expect(hers.statusCode).toBe(201);
    expect(await outcome(worker, callum, hers.json().id)).toMatchObject({
      saidBy: 'representative',
      saidByName: 'Fiona Reid',
      typedBy: { name: 'Fiona Reid', role: 'representative' },
    });
  });

  it('records who typed the words on the server, and a worker writing down what the child said', async () => {
    // The demo seed records who typed what it holds.
    const seeded = await entries(worker, callum);
    expect(seeded.find((e) => e.saidBy === 'person')?.typedBy).toEqual({
      name: 'Sam Okafor',
      role: 'worker',
    });

    const conversationId = await firstConversation(worker, callum);
    const written = await send(worker, 'POST', `/${callum}/conversations/${conversationId}/entries`, {
      section: 'child_views',
      text: 'I want to choose my own PA.',
      saidBy: 'person',
      ownWords: true,
    });
    expect(written.statusCode).toBe(201);
    expect((await entries(rep, callum)).find((e) => e.id === written.json().id)).toMatchObject({
      saidBy: 'person',
      typedBy: { name: 'Sam Okafor', role: 'worker' },
    });

    // The person types an outcome; the worker corrects the words with her: still hers, typed by him.
    const mine = await send(person, 'POST', `/${morag}/outcomes`, {
      personWords: 'I want to see my sister on Sundys.',
      area: 'people_i_see',
    });
    expect(await outcome(person, morag, mine.json().id)).toMatchObject({
      saidBy: 'person',
      typedBy: { name: 'Morag Campbell', role: 'person' },
    });
    const corrected = await send(worker, 'PATCH', `/${morag}/outcomes/${mine.json().id}`, {
      version: mine.json().version,
      personWords: 'I want to see my sister on Sundays.',
    });
    expect(corrected.statusCode).toBe(200);
    expect(await outcome(person, morag, mine.json().id)).toMatchObject({
      saidBy: 'person',
      typedBy: { name: 'Sam Okafor', role: 'worker' },
    });
    // Changing only the worker's view leaves who typed the words alone.
    await send(worker, 'PATCH', `/${morag}/outcomes/${mine.json().id}`, {
      version: corrected.json().version,
      professionalView: 'Her sister lives in Leith.',
    });
    expect((await outcome(person, morag, mine.json().id)).typedBy).toEqual({
      name: 'Sam Okafor',
      role: 'worker',
    });
  });
});

describe('words recorded before who typed them was kept', () => {
  // Runs last: it empties the typed-by columns of every row, as they were before the migration.
  it('are given who typed them from the account that created them and the outcome history', async () => {
    const db = t.database.db;
    const entriesNow = sql`select id, said_by_name, typed_by_name, typed_by_role from conversation_entries order by id`;
    const outcomesNow = sql`select id, said_by_name, words_typed_by, words_typed_by_name, words_typed_by_role
                              from personal_outcomes order by id`;
    const recorded = { entries: await rows(db, entriesNow), outcomes: await rows(db, outcomesNow) };
    // Rows recorded by the server above include a representative's own words and a worker's correction.
    expect(recorded.outcomes.length).toBeGreaterThan(100);

    await db.execute(sql`update conversation_entries set typed_by_name = null, typed_by_role = null,
                           said_by_name = case when said_by = 'representative' then null else said_by_name end`);
    await db.execute(sql`update personal_outcomes set words_typed_by = null, words_typed_by_name = null,
                           words_typed_by_role = null, said_by_name = null where said_by <> 'person'`);
    await db.execute(sql`update personal_outcomes set words_typed_by = null, words_typed_by_name = null,
                           words_typed_by_role = null`);
    const backfill = readFileSync(`${MIGRATIONS_FOLDER}/0015_words_typed_by_backfill.sql`, 'utf8');
    for (const statement of backfill.split('--> statement-breakpoint')) await db.execute(sql.raw(statement));

    expect(await rows(db, entriesNow)).toEqual(recorded.entries);
    expect(await rows(db, outcomesNow)).toEqual(recorded.outcomes);
  });
});

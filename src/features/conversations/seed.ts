import { randomUUID } from 'node:crypto';
import { ageOn, todayInLondon } from '../../platform/dates.ts';
import type { DemoSeeder } from '../../platform/db/seeding.ts';
import { childSaidFor, conversationDate, demoCaseload, saidFor, transitionStatus } from '../people/index.ts';
import { conversationEntries, conversations, personalOutcomeChanges, personalOutcomes } from './schema.ts';

/**
 * The demo caseload's good conversations, one each, and their outcomes with the creation in the
 * history, written right after the people seeder (which leaves the people's ids, in the order of
 * DEMO_PEOPLE, in `context.shared.demoPeopleIds`). What each person said is in people/seed-data.ts.
 */
export const seedDemoConversations: DemoSeeder = async (tx, context) => {
  const { authorityId } = context;
  const today = todayInLondon();
  const workers = context.shared.demoWorkers as
    | Record<'north' | 'south' | 'children', { id: string; name: string }>
    | undefined;
  const ids = context.shared.demoPeopleIds;
  if (!workers || !Array.isArray(ids)) {
    throw new Error(
      'The people seeder runs first: it makes the people and workers these conversations belong to.',
    );
  }
  const { people: DEMO_PEOPLE, said: SAID_HERE } = demoCaseload(context.nation);
  const workerFor = { north: workers.north.id, south: workers.south.id, children: workers.children.id };
  const workerNames = {
    north: workers.north.name,
    south: workers.south.name,
    children: workers.children.name,
  };
  // A good conversation each, and their outcomes with the creation in the history.
  const conversationRows: (typeof conversations.$inferInsert)[] = [];
  const entryRows: (typeof conversationEntries.$inferInsert)[] = [];
  const outcomeRows: (typeof personalOutcomes.$inferInsert)[] = [];
  const changeRows: (typeof personalOutcomeChanges.$inferInsert)[] = [];
  DEMO_PEOPLE.forEach((p, i) => {
    const personId = ids[i] as string;
    const heldOn = conversationDate(i, today);
    const child = transitionStatus(p.dob, heldOn) !== 'adult';
    const conversationId = randomUUID();
    const worker = workerFor[p.team];
    conversationRows.push({
      authorityId,
      id: conversationId,
      personId,
      heldOn,
      place: i % 2 ? 'At home' : 'At the day centre',
      whoWasThere: child ? 'With Mum and the school link worker' : 'Just the two of us',
      transition: transitionStatus(p.dob, heldOn) === 'transition',
      createdBy: worker,
    });
    const said = saidFor(p, i, heldOn, SAID_HERE);
    const childSaid = childSaidFor(p, heldOn);
    const entry = (
      section: string,
      text: string,
      saidBy: string,
      ownWords: boolean,
      saidByName: string | null = null,
    ) =>
      entryRows.push({
        authorityId,
        conversationId,
        personId,
        section,
        text,
        saidBy,
        ownWords,
        saidByName,
        // The worker typed what was said at the conversation.
        createdBy: worker,
        typedByName: workerNames[p.team],
        typedByRole: 'worker',
      });
    if (child) {
      entry('child_views', childSaid.child, 'person', true);
      entry('parent_views', childSaid.parent, 'family', false, 'Mum');
    } else {
      entry('what_matters', said.matters, 'person', true);
      entry('working', said.working, 'person', true);
      entry('not_working', said.notWorking, 'person', true);
      entry(
        'change',
        said.change,
        i % 4 === 0 ? 'family' : 'person',
        i % 4 !== 0,
        // Said by family: a daughter for someone old enough to have a grown-up one, else their mum.
        i % 4 === 0 ? (ageOn(p.dob, heldOn) >= 40 ? 'Daughter' : 'Mum') : null,
      );
      entry('strengths', said.worker, 'worker', false, workerNames[p.team]);
    }
    const outcomes = child ? [childSaid.outcome] : said.outcomes;
    outcomes.forEach((o, n) => {
      const outcomeId = randomUUID();
      const fields = {
        personWords: o.words,
        saidBy: 'person',
        professionalView: o.view,
        area: o.area,
        priority: n + 1,
        status: i % 10 === 9 && n === 1 ? 'achieved' : 'active',
      } as const;
      outcomeRows.push({
        authorityId,
        id: outcomeId,
        personId,
        ...fields,
        createdBy: worker,
        updatedBy: worker,
        wordsTypedBy: worker,
        wordsTypedByName: workerNames[p.team],
        wordsTypedByRole: 'worker',
      });
      changeRows.push({
        authorityId,
        outcomeId,
        personId,
        version: 1,
        changedBy: worker,
        changedByName: workerNames[p.team],
        changedByRole: 'worker',
        changes: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, { from: null, to: v }])),
      });
    });
  });
  await tx.insert(conversations).values(conversationRows);
  await tx.insert(conversationEntries).values(entryRows);
  await tx.insert(personalOutcomes).values(outcomeRows);
  await tx.insert(personalOutcomeChanges).values(changeRows);
};

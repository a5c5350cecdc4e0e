import type { PersonAccess } from '../../platform/auth/access.ts';
import type { Db } from '../../platform/db/client.ts';
import { byVoice } from './attribution.ts';
import { listOutcomes } from './outcomes.ts';
import { listConversations } from './service.ts';

/**
 * What the person record (people/pages.ts, people/my-pages.ts) shows from this feature; the
 * feature list hands these to the people feature, which cannot import this one.
 */

/** The person's outcomes not ended, split by whose words they are, with the outcome areas. */
export async function recordOutcomes(db: Db, access: PersonAccess, name: string) {
  const outcomes = await listOutcomes(db, access);
  const current = outcomes.outcomes.filter((o) => o.status !== 'ended');
  return { outcomes: current, ...byVoice(current, name), areas: outcomes.areas };
}

/** Only what the person said, in their own words (never a parent's or the worker's): the latest six. */
export async function ownWordsOf(db: Db, access: PersonAccess, name: string) {
  const conversations = await listConversations(db, access);
  return byVoice(
    conversations.flatMap((c) => c.sections.flatMap((s) => s.entries.filter((e) => e.ownWords))),
    name,
  ).own.slice(0, 6);
}

import { and, asc, eq, inArray } from 'drizzle-orm';
import type { PersonAccess } from '../../platform/auth/access.ts';
import { audited } from '../../platform/audit/index.ts';
import type { Db } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates.ts';
import { Problem } from '../../platform/http/problem.ts';
import { blankToNull } from '../people/validate.ts';
import { findPerson } from '../people/store.ts';
import { SECTIONS } from './lists.ts';
import { checkEntry, checkHeldOn, conversationFacts, type EntryInput } from './rules.ts';
import { conversationEntries, conversations } from './schema.ts';

export interface ConversationInput {
  heldOn: string;
  place: string | null;
  whoWasThere: string | null;
  entries: EntryInput[];
}

/** Conversations with their entries grouped by section, newest conversation first. */
export async function listConversations(db: Db, access: PersonAccess) {
  return audited(db, access, 'conversations.read', async (tx) => {
    const found = await tx
      .select()
      .from(conversations)
      .where(eq(conversations.personId, access.personId))
      .orderBy(asc(conversations.heldOn));
    const ids = found.map((c) => c.id);
    const entries = ids.length
      ? await tx
          .select()
          .from(conversationEntries)
          .where(inArray(conversationEntries.conversationId, ids))
          .orderBy(asc(conversationEntries.createdAt))
      : [];
    return found.reverse().map((c) => ({
      ...c,
      sections: Object.entries(SECTIONS)
        .map(([code, label]) => ({
          code,
          label,
          entries: entries.filter((e) => e.conversationId === c.id && e.section === code),
        }))
        .filter((s) => s.entries.length),
    }));
  });
}

export async function createConversation(db: Db, access: PersonAccess, input: ConversationInput) {
  return audited(db, access, 'conversation.create', async (tx) => {
    const person = await findPerson(tx, access.personId);
    if (!person) throw Problem.notFound('Person');
    const errors = checkHeldOn(input.heldOn, person.dateOfBirth, todayInLondon());
    const facts = errors.length
      ? conversationFacts(person.dateOfBirth, todayInLondon())
      : conversationFacts(person.dateOfBirth, input.heldOn);
    input.entries.forEach((entry, i) => {
      errors.push(...checkEntry(entry, facts.child, `entries.${i}.`));
    });
    if (errors.length) throw Problem.invalid(errors);
    const [saved] = await tx
      .insert(conversations)
      .values({
        authorityId: access.authorityId,
        personId: access.personId,
        heldOn: input.heldOn,
        place: blankToNull(input.place),
        whoWasThere: blankToNull(input.whoWasThere),
        transition: facts.transition,
        createdBy: access.actor.userId,
      })
      .returning({ id: conversations.id, transition: conversations.transition });
    if (input.entries.length)
      await tx.insert(conversationEntries).values(
        input.entries.map((entry) => ({
          ...entry,
          text: entry.text.trim(),
          saidByName: blankToNull(entry.saidByName),
          authorityId: access.authorityId,
          personId: access.personId,
          conversationId: saved!.id,
          createdBy: access.actor.userId,
        })),
      );
    return { id: saved!.id, transition: saved!.transition, child: facts.child };
  });
}

/** Adds one thing said to an existing conversation. */
export async function addEntry(db: Db, access: PersonAccess, conversationId: string, entry: EntryInput) {
  return audited(db, access, 'conversation.entry.add', async (tx) => {
    const person = await findPerson(tx, access.personId);
    const [conversation] = await tx
      .select()
      .from(conversations)
      .where(and(eq(conversations.id, conversationId), eq(conversations.personId, access.personId)));
    if (!person || !conversation) throw Problem.notFound('Conversation');
    const errors = checkEntry(entry, conversationFacts(person.dateOfBirth, conversation.heldOn).child);
    if (errors.length) throw Problem.invalid(errors);
    const [saved] = await tx
      .insert(conversationEntries)
      .values({
        ...entry,
        text: entry.text.trim(),
        saidByName: blankToNull(entry.saidByName),
        authorityId: access.authorityId,
        personId: access.personId,
        conversationId,
        createdBy: access.actor.userId,
      })
      .returning({ id: conversationEntries.id });
    return { id: saved!.id };
  });
}

export async function getConversation(db: Db, access: PersonAccess, conversationId: string) {
  const all = await listConversations(db, access);
  const found = all.find((c) => c.id === conversationId);
  if (!found) throw Problem.notFound('Conversation');
  return found;
}

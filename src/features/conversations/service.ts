import { and, asc, eq, inArray } from 'drizzle-orm';
import type { PersonAccess } from '../../platform/auth/access.ts';
import { audited } from '../../platform/audit/index.ts';
import type { Db } from '../../platform/db/client.ts';
import { inTenant } from '../../platform/db/transaction.ts';
import { todayInLondon } from '../../platform/dates.ts';
import { Problem } from '../../platform/http/problem.ts';
import { blankToNull } from '../people/index.ts';
import { findPerson } from '../people/index.ts';
import { SECTIONS } from './lists.ts';
import {
  createOutcome,
  getOutcome,
  listOutcomes,
  type OutcomeInput,
  outcomeAreaList,
  updateOutcome,
} from './outcomes.ts';
import type { FieldError } from '../../platform/http/problem.ts';
import {
  checkEntry,
  checkHeldOn,
  conversationFacts,
  type EntryInput,
  type OutcomeFields,
  speakerName,
  typedBy,
  writerOf,
} from './rules.ts';
import { conversationEntries, conversations } from './schema.ts';

/**
 * Checks one entry for this writer and gives the row to insert: who said it as checked,
 * and who typed it from the signed-in account (never from the request).
 */
function entryRow(access: PersonAccess, entry: EntryInput, child: boolean, prefix = '') {
  const writer = writerOf(access);
  const errors: FieldError[] = checkEntry(entry, child, writer, prefix);
  const speaker = speakerName(
    writer,
    entry.saidBy,
    entry.saidByName,
    access.actor.displayName,
    `${prefix}saidByName`,
  );
  errors.push(...speaker.errors);
  return {
    errors,
    row: {
      section: entry.section,
      text: entry.text.trim(),
      saidBy: entry.saidBy,
      saidByName: speaker.name,
      ownWords: entry.ownWords,
      authorityId: access.authorityId,
      personId: access.personId,
      createdBy: access.actor.userId,
      typedByName: access.actor.displayName,
      typedByRole: access.actor.role,
    },
  };
}

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
    const shown = entries.map((e) => ({ ...e, typedBy: typedBy(e.typedByName, e.typedByRole) }));
    return found.reverse().map((c) => ({
      ...c,
      sections: Object.entries(SECTIONS)
        .map(([code, label]) => ({
          code,
          label,
          entries: shown.filter((e) => e.conversationId === c.id && e.section === code),
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
    const rows = input.entries.map((entry, i) => {
      const checked = entryRow(access, entry, facts.child, `entries.${i}.`);
      errors.push(...checked.errors);
      return checked.row;
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
    if (rows.length)
      await tx.insert(conversationEntries).values(rows.map((row) => ({ ...row, conversationId: saved!.id })));
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
    const { errors, row } = entryRow(
      access,
      entry,
      conversationFacts(person.dateOfBirth, conversation.heldOn).child,
    );
    if (errors.length) throw Problem.invalid(errors);
    const [saved] = await tx
      .insert(conversationEntries)
      .values({ ...row, conversationId })
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

/**
 * The conversations feature's services, bound to the database once (src/features/services.ts).
 * Pages and the API call these; route tests pass fakes of the same shape.
 */
export const conversationServices = (db: Db) => ({
  list: (access: PersonAccess) => listConversations(db, access),
  create: (access: PersonAccess, input: ConversationInput) => createConversation(db, access, input),
  addEntry: (access: PersonAccess, conversationId: string, entry: EntryInput) =>
    addEntry(db, access, conversationId, entry),
  outcomeAreas: (access: PersonAccess) => inTenant(db, access.authorityId, (tx) => outcomeAreaList(tx)),
  outcomes: (access: PersonAccess) => listOutcomes(db, access),
  outcome: (access: PersonAccess, outcomeId: string) => getOutcome(db, access, outcomeId),
  createOutcome: (access: PersonAccess, input: OutcomeInput) => createOutcome(db, access, input),
  changeOutcome: (
    access: PersonAccess,
    outcomeId: string,
    changes: Partial<OutcomeFields>,
    version: number,
  ) => updateOutcome(db, access, outcomeId, changes, version),
});

import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import {
  createdAt,
  tenantColumns,
  tenantKey,
  tenantReference,
  timestamps,
} from '../../platform/db/tenant-table.ts';
import { personReference } from '../people/schema.ts';

/**
 * Outcome areas, a national reference list ('feeling_safe', 'health', 'where_i_live',
 * 'people_i_see', 'things_i_do', 'work_and_learning', 'managing_money', …). Rows come
 * from a migration so reports across councils use the same codes.
 */
export const outcomeAreas = pgTable('outcome_areas', {
  code: text('code').primaryKey(),
  label: text('label').notNull(),
  /** The same area said the way a person would say it, for citizen pages. */
  plainLabel: text('plain_label').notNull(),
  sortOrder: integer('sort_order').notNull(),
});

/**
 * A personal outcome: the person's own words first, the worker's professional view beside
 * them (never replacing them). Every change is kept in the history table (owned by this
 * feature). Budgets, plans and SDS option choices point at outcomes by (authority_id, id).
 */
export const personalOutcomes = pgTable(
  'personal_outcomes',
  {
    ...tenantColumns(),
    personId: uuid('person_id').notNull(),
    /** Exactly as it was said, by whoever `saidBy` names (only the person's when 'person'). */
    personWords: text('person_words').notNull(),
    /** Who said it: 'person', 'family', 'representative', 'advocate', 'worker' (conversations/lists.ts). */
    saidBy: text('said_by').notNull().default('person'),
    /** The name of whoever said it when it was not the person, e.g. "Fiona Reid". */
    saidByName: text('said_by_name'),
    /**
     * The signed-in account that typed the current words, as the server knew it then (never
     * from the request). Null for words typed before this was recorded and not traceable.
     */
    wordsTypedBy: uuid('words_typed_by'),
    wordsTypedByName: text('words_typed_by_name'),
    wordsTypedByRole: text('words_typed_by_role'),
    professionalView: text('professional_view'),
    /** Reference code, e.g. 'feeling_safe', 'health', 'where_i_live', 'people_i_see', 'things_i_do', 'work_and_learning', 'managing_money'. */
    area: text('area')
      .notNull()
      .references(() => outcomeAreas.code),
    priority: integer('priority').notNull().default(2),
    status: text('status', { enum: ['active', 'achieved', 'paused', 'ended'] })
      .notNull()
      .default('active'),
    /** Optimistic concurrency: a save names the version it started from. */
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    updatedBy: uuid('updated_by'),
    ...timestamps(),
  },
  (t) => [
    tenantKey(t),
    personReference(t),
    index('personal_outcomes_person_idx').on(t.authorityId, t.personId),
  ],
);

/**
 * Every change to an outcome, append-only: which version it made, who made it, and each
 * changed field's value before and after. The first row of an outcome is its creation.
 */
export const personalOutcomeChanges = pgTable(
  'personal_outcome_changes',
  {
    ...tenantColumns(),
    outcomeId: uuid('outcome_id').notNull(),
    personId: uuid('person_id').notNull(),
    version: integer('version').notNull(),
    changedBy: uuid('changed_by').notNull(),
    changedByName: text('changed_by_name').notNull(),
    changedByRole: text('changed_by_role').notNull(),
    /** { field: { from, to } } for each field that changed. */
    changes: jsonb('changes').$type<Record<string, { from: unknown; to: unknown }>>().notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    tenantKey(t),
    tenantReference(t, t.outcomeId, personalOutcomes),
    index('personal_outcome_changes_outcome_idx').on(t.authorityId, t.outcomeId, t.version),
  ],
);

/**
 * A good conversation: when and where it was held and who took part. What was said lives
 * in its entries, each in a section and each saying who said it.
 */
export const conversations = pgTable(
  'conversations',
  {
    ...tenantColumns(),
    personId: uuid('person_id').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    place: text('place'),
    whoWasThere: text('who_was_there'),
    /** Set when the person was 14 to 17 on the day: their move to adult services is being planned. */
    transition: boolean('transition').notNull().default(false),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [tenantKey(t), personReference(t), index('conversations_person_idx').on(t.authorityId, t.personId)],
);

/**
 * One thing said in a conversation, free text first. `ownWords` is true only when it is
 * written as the person said it; `saidBy` names who said it, and `createdBy` (with the
 * name and role it had then) the signed-in account that typed it, recorded by the server.
 * For a child, their own views and their parents' views are different sections.
 */
export const conversationEntries = pgTable(
  'conversation_entries',
  {
    ...tenantColumns(),
    conversationId: uuid('conversation_id').notNull(),
    personId: uuid('person_id').notNull(),
    section: text('section').notNull(),
    text: text('text').notNull(),
    saidBy: text('said_by').notNull(),
    saidByName: text('said_by_name'),
    ownWords: boolean('own_words').notNull(),
    /** The account that typed it. */
    createdBy: uuid('created_by'),
    /** Its name and role when it typed it; null for old entries whose typist is not known. */
    typedByName: text('typed_by_name'),
    typedByRole: text('typed_by_role'),
    createdAt: createdAt(),
  },
  (t) => [
    tenantKey(t),
    tenantReference(t, t.conversationId, conversations),
    personReference(t),
    index('conversation_entries_conversation_idx').on(t.authorityId, t.conversationId),
    index('conversation_entries_person_idx').on(t.authorityId, t.personId),
  ],
);

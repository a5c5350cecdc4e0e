import { foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { authorities } from '../../platform/db/schema.ts';
import { people } from '../people/schema.ts';

/**
 * A personal outcome: the person's own words first, the worker's professional view beside
 * them (never replacing them). Every change is kept in the history table (owned by this
 * feature). Budgets, plans and SDS option choices point at outcomes by (authority_id, id).
 */
export const personalOutcomes = pgTable(
  'personal_outcomes',
  {
    authorityId: uuid('authority_id')
      .notNull()
      .references(() => authorities.id),
    id: uuid('id').notNull().defaultRandom(),
    personId: uuid('person_id').notNull(),
    /** Exactly as the person (or their representative) said it. */
    personWords: text('person_words').notNull(),
    /** Who said it: 'person', 'representative', 'family', 'worker' (written with the person). */
    saidBy: text('said_by').notNull().default('person'),
    professionalView: text('professional_view'),
    /** Reference code, e.g. 'feeling_safe', 'health', 'where_i_live', 'people_i_see', 'things_i_do', 'work_and_learning', 'managing_money'. */
    area: text('area').notNull(),
    priority: integer('priority').notNull().default(2),
    status: text('status', { enum: ['active', 'achieved', 'paused', 'ended'] })
      .notNull()
      .default('active'),
    /** Optimistic concurrency: a save names the version it started from. */
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.authorityId, t.id] }),
    foreignKey({ columns: [t.authorityId, t.personId], foreignColumns: [people.authorityId, people.id] }),
    index('personal_outcomes_person_idx').on(t.authorityId, t.personId),
  ],
);

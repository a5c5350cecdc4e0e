import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The councils. Not tenant-owned itself: every tenant-owned table points here through
 * its `authority_id`, which is also the Citus distribution key for a national service.
 */
export const authorities = pgTable('authorities', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Short stable code used in URLs and demo e-mails, e.g. 'demo'. */
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  /** Which nation's law and guidance apply: eligibility framework, SDS options, charging. */
  nation: text('nation', { enum: ['scotland', 'england'] }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

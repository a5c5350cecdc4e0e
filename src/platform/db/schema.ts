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
  /**
   * Where letters say the council is and how to reach it (every PDF letter's heading and its
   * "how to contact us"). Optional: a council set up before these existed has none until an
   * administrator adds them, and its letters then show only its name.
   */
  addressLine1: text('address_line_1'),
  addressLine2: text('address_line_2'),
  town: text('town'),
  postcode: text('postcode'),
  phone: text('phone'),
  email: text('email'),
  website: text('website'),
  /** A short sentence or two on how to get in touch: opening hours, other formats, text relay. */
  howToContact: text('how_to_contact'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

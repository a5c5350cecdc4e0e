import {
  bigint,
  index,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { authorityColumn } from '../db/tenant-table.ts';

/**
 * Every read and write of personal data. Append-only (the tenancy step revokes update
 * and delete and adds a refusing trigger), and hash-chained: each row's hash covers its
 * content and the previous row's hash in its chain, computed by a database trigger (see the
 * custom migrations), so an edited or removed row breaks the chain. A council has a few
 * chains side by side (by database connection) so concurrent requests do not queue on one
 * lock; `seq` comes from one sequence, so it orders events across chains.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    authorityId: authorityColumn(),
    // seq, prev_hash and hash are set by the chain trigger; the defaults only satisfy inserts.
    seq: bigint('seq', { mode: 'number' }).notNull().default(0),
    chain: smallint('chain').notNull().default(0),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    actorRole: text('actor_role').notNull(),
    actorName: text('actor_name').notNull(),
    personId: uuid('person_id'),
    action: text('action').notNull(),
    route: text('route').notNull(),
    outcome: text('outcome', { enum: ['allowed', 'denied', 'break_glass'] }).notNull(),
    reason: text('reason'),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    prevHash: text('prev_hash').notNull().default(''),
    hash: text('hash').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.authorityId, t.seq] }),
    index('audit_events_chain_idx').on(t.authorityId, t.chain, t.seq),
    index('audit_events_person_idx').on(t.authorityId, t.personId, t.occurredAt),
    index('audit_events_actor_idx').on(t.authorityId, t.actorUserId, t.occurredAt),
  ],
);

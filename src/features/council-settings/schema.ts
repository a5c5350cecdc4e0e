import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns, tenantKey } from '../../platform/db/tenant-table.ts';

/**
 * A council's own funding streams: the national defaults (platform/funding-streams.ts) plus
 * any local ones its administrator adds. The code is what budgets and cost lines store; the
 * label may be renamed; a stream is retired, never deleted, so old lines keep their label.
 *
 * A council with no rows here yet has exactly the national defaults: the service reads it that
 * way, and the first change an administrator makes writes the defaults first (see
 * funding-streams.ts). That needs no data migration (a generated migration cannot insert rows)
 * and covers every council created later without the council-creation code knowing about it.
 */
export const fundingStreams = pgTable(
  'funding_streams',
  {
    ...tenantColumns(),
    code: text('code').notNull(),
    label: text('label').notNull(),
    description: text('description').notNull().default(''),
    /** False once retired: not offered for new budgets or cost lines, still named on old ones. */
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [tenantKey(t), uniqueIndex('funding_streams_code_idx').on(t.authorityId, t.code)],
);

/**
 * Every change to the council's letter address and contact details (columns of `authorities`):
 * one row per field changed, who changed it and when, the value before and after. Append-only:
 * the history page reads it, nothing updates or deletes it.
 */
export const councilDetailChanges = pgTable(
  'council_detail_changes',
  {
    ...tenantColumns(),
    /** The `authorities` property changed, e.g. 'phone'. */
    field: text('field').notNull(),
    before: text('before'),
    after: text('after'),
    changedBy: uuid('changed_by'),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [tenantKey(t), index('council_detail_changes_at_idx').on(t.authorityId, t.changedAt)],
);

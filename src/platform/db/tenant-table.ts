import { type AnyPgColumn, foreignKey, primaryKey, timestamp, uuid } from 'drizzle-orm/pg-core';
import { authorities } from './schema.ts';

/**
 * The columns and keys every tenant-owned table repeats, written once. Each helper returns
 * fresh column builders (drizzle builders must not be shared between tables) with exactly
 * the names, types and defaults the tables had before, so the generated SQL is unchanged.
 */

/** The owning council: the row-level security key and the Citus distribution key. */
export const authorityColumn = () =>
  uuid('authority_id')
    .notNull()
    .references(() => authorities.id);

/** `authority_id` and a random `id`: spread first into a tenant-owned table's columns. */
export const tenantColumns = () => ({
  authorityId: authorityColumn(),
  id: uuid('id').notNull().defaultRandom(),
});

/** When the row was written. */
export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** When the row was last changed. */
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** `created_at` and `updated_at`, for tables whose rows are edited in place. */
export const timestamps = () => ({ createdAt: createdAt(), updatedAt: updatedAt() });

/** A tenant-owned row is identified within its council: primary key (authority_id, id). */
export const tenantKey = (t: { authorityId: AnyPgColumn; id: AnyPgColumn }) =>
  primaryKey({ columns: [t.authorityId, t.id] });

/**
 * A reference to a row of the same council: foreign key (authority_id, column) to the
 * target's (authority_id, id), so no row can point across councils.
 */
export const tenantReference = (
  t: { authorityId: AnyPgColumn },
  column: AnyPgColumn,
  target: { authorityId: AnyPgColumn; id: AnyPgColumn },
) => foreignKey({ columns: [t.authorityId, column], foreignColumns: [target.authorityId, target.id] });

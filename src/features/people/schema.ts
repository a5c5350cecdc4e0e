import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { teams, users } from '../../platform/auth/schema.ts';
import { authorities } from '../../platform/db/schema.ts';

/** A person who asks for or receives support: the centre of every record. */
export const people = pgTable(
  'people',
  {
    authorityId: uuid('authority_id')
      .notNull()
      .references(() => authorities.id),
    id: uuid('id').notNull().defaultRandom(),
    legalName: text('legal_name').notNull(),
    preferredName: text('preferred_name'),
    dateOfBirth: date('date_of_birth', { mode: 'string' }).notNull(),
    clientGroup: text('client_group').notNull(),
    crisis: boolean('crisis').notNull().default(false),
    status: text('status', { enum: ['referred', 'open', 'closed'] })
      .notNull()
      .default('open'),
    allocatedTeamId: uuid('allocated_team_id'),
    allocatedWorkerId: uuid('allocated_worker_id'),
    /** Optimistic concurrency: a save names the version it started from. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.authorityId, t.id] }),
    foreignKey({
      columns: [t.authorityId, t.allocatedTeamId],
      foreignColumns: [teams.authorityId, teams.id],
    }),
    foreignKey({
      columns: [t.authorityId, t.allocatedWorkerId],
      foreignColumns: [users.authorityId, users.id],
    }),
    index('people_worker_idx').on(t.authorityId, t.allocatedWorkerId),
    index('people_team_idx').on(t.authorityId, t.allocatedTeamId),
  ],
);

/**
 * Who else may act on a person's record and on what terms: the person's own account,
 * representatives (with powers and dates), circle members, advocates and support
 * organisations (while consent stands), providers (for the services they deliver).
 * The access rules read this one indexed table.
 */
export const personRelationships = pgTable(
  'person_relationships',
  {
    authorityId: uuid('authority_id')
      .notNull()
      .references(() => authorities.id),
    id: uuid('id').notNull().defaultRandom(),
    personId: uuid('person_id').notNull(),
    userId: uuid('user_id').notNull(),
    kind: text('kind', {
      enum: ['self', 'representative', 'circle_member', 'advocate', 'support_organisation', 'provider'],
    }).notNull(),
    /** Representative powers, e.g. 'view_record', 'sign_support_plan'; consent scope for others. */
    powers: text('powers').array().notNull().default([]),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    consentWithdrawnOn: date('consent_withdrawn_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.authorityId, t.id] }),
    foreignKey({ columns: [t.authorityId, t.personId], foreignColumns: [people.authorityId, people.id] }),
    foreignKey({ columns: [t.authorityId, t.userId], foreignColumns: [users.authorityId, users.id] }),
    index('person_relationships_user_idx').on(t.authorityId, t.userId, t.personId),
    index('person_relationships_person_idx').on(t.authorityId, t.personId),
  ],
);

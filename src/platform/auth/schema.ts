import {
  boolean,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { authorities } from '../db/schema.ts';
import { ROLES } from './roles.ts';

export const teams = pgTable(
  'teams',
  {
    authorityId: uuid('authority_id')
      .notNull()
      .references(() => authorities.id),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.authorityId, t.id] })],
);

/**
 * Staff and citizens in one table. Every account belongs to one council, except the
 * national administrator (authority_id null). `(authority_id, id)` is unique so other
 * tables can point at a user of their own council only.
 */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    authorityId: uuid('authority_id').references(() => authorities.id),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    teamId: uuid('team_id'),
    passwordHash: text('password_hash'),
    active: boolean('active').notNull().default(true),
    failedSignIns: integer('failed_sign_ins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('users_email_unique').on(t.email),
    unique('users_authority_id_unique').on(t.authorityId, t.id),
    foreignKey({ columns: [t.authorityId, t.teamId], foreignColumns: [teams.authorityId, teams.id] }),
  ],
);

/** Server-side sessions; the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Bearer tokens for API clients, stored hashed; revoked by setting `revoked_at`. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);

/** One-time invitation links an administrator gives to new staff (there is no mail server). */
export const invitations = pgTable(
  'invitations',
  {
    authorityId: uuid('authority_id')
      .notNull()
      .references(() => authorities.id),
    id: uuid('id').notNull().defaultRandom(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: uuid('user_id').notNull(),
    invitedBy: uuid('invited_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.authorityId, t.id] }),
    foreignKey({ columns: [t.authorityId, t.userId], foreignColumns: [users.authorityId, users.id] }),
    foreignKey({ columns: [t.authorityId, t.invitedBy], foreignColumns: [users.authorityId, users.id] }),
  ],
);

/**
 * A worker or manager who opened a record outside their relationship, with the reason
 * they gave. Lasts one working day; every use is audited as 'break_glass', shown to the
 * team manager and in the person's "who has looked at my record" list.
 */
export const breakGlassGrants = pgTable(
  'break_glass_grants',
  {
    authorityId: uuid('authority_id')
      .notNull()
      .references(() => authorities.id),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id').notNull(),
    personId: uuid('person_id').notNull(),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.authorityId, t.id] }),
    foreignKey({ columns: [t.authorityId, t.userId], foreignColumns: [users.authorityId, users.id] }),
    index('break_glass_user_person_idx').on(t.authorityId, t.userId, t.personId),
  ],
);

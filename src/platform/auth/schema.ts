import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns, tenantKey, tenantReference } from '../db/tenant-table.ts';
import { authorities } from '../db/schema.ts';
import { ROLES } from './roles.ts';

/** Who a team serves (features/accounts/teams.ts has the plain words). */
export const TEAM_SERVES = ['adults', 'children_and_families', 'all_ages'] as const;

/**
 * A council's teams. Staff belong to one (`users.team_id`) and people are allocated to one
 * (`people.allocated_team_id`). A team is closed, never deleted, so old allocations and the
 * audit keep its name; `locality_codes` are codes of the council's localities (people feature).
 */
export const teams = pgTable(
  'teams',
  {
    ...tenantColumns(),
    name: text('name').notNull(),
    serves: text('serves', { enum: TEAM_SERVES }).notNull().default('all_ages'),
    localityCodes: text('locality_codes').array().notNull().default([]),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [tenantKey(t)],
);

/**
 * Staff and citizens in one table. Every account belongs to one council, except the platform
 * operator (authority_id null), who sets councils up and belongs to none; the check makes
 * "no council" mean exactly "the operator". `(authority_id, id)` is unique so other
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
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    unique('users_email_unique').on(t.email),
    unique('users_authority_id_unique').on(t.authorityId, t.id),
    tenantReference(t, t.teamId, teams),
    check('users_no_council_only_operator', sql`(${t.authorityId} is null) = (${t.role} = 'operator')`),
  ],
);

/**
 * The sign-in slowdown (features/accounts/rules.ts), one row per e-mail address that has had
 * wrong attempts, whether or not an account has it, so the answers never tell which exist.
 * The address is kept only as a SHA-256 hash. `not_before` is when the next attempt may be
 * checked; a right password then deletes the row.
 */
export const signInThrottle = pgTable(
  'sign_in_throttle',
  {
    emailHash: text('email_hash').primaryKey(),
    failures: integer('failures').notNull().default(0),
    notBefore: timestamp('not_before', { withTimezone: true }).notNull(),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sign_in_throttle_last_attempt_idx').on(t.lastAttemptAt)],
);

/** Server-side sessions; the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
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
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);

/**
 * One-time invitation links (there is no mail server: the link is shown to whoever invites).
 * Two kinds share this one table and the one accept page (`/invitation/:token`):
 * - staff: an administrator invites a member of staff; the link alone sets a password.
 * - record (`person_id` set): a worker, or the person or their representative, invites someone
 *   around a person's record (people/invitations.ts). The account is made inactive and linked to
 *   the record only when the link is accepted, after a check only the invited person can pass: the
 *   record's date of birth and a short check code (only its hash is kept). Wrong checks are counted
 *   and the link stops after five. `used_at` is when it was accepted.
 * `person_id`, `representative_id` and `circle_member_id` point at people's tables (their
 * foreign keys are added in the migration: the platform imports no feature's schema).
 */
export const invitations = pgTable(
  'invitations',
  {
    ...tenantColumns(),
    tokenHash: text('token_hash').notNull().unique(),
    userId: uuid('user_id').notNull(),
    invitedBy: uuid('invited_by').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    personId: uuid('person_id'),
    relationshipKind: text('relationship_kind', {
      enum: ['self', 'representative', 'circle_member', 'advocate', 'support_organisation', 'provider'],
    }),
    /** The representative or circle member invited: the account gets exactly their powers, dates or scope. */
    representativeId: uuid('representative_id'),
    circleMemberId: uuid('circle_member_id'),
    /** Powers or consent scope as invited (advocates, support organisations); shown before acceptance. */
    powers: text('powers').array().notNull().default([]),
    checkCodeHash: text('check_code_hash'),
    failedChecks: integer('failed_checks').notNull().default(0),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by'),
    /** The person_relationships row made on acceptance. */
    relationshipId: uuid('relationship_id'),
  },
  (t) => [
    tenantKey(t),
    tenantReference(t, t.userId, users),
    tenantReference(t, t.invitedBy, users),
    tenantReference(t, t.revokedBy, users),
    index('invitations_person_idx').on(t.authorityId, t.personId),
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
    ...tenantColumns(),
    userId: uuid('user_id').notNull(),
    personId: uuid('person_id').notNull(),
    reason: text('reason').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    tenantKey(t),
    tenantReference(t, t.userId, users),
    index('break_glass_user_person_idx').on(t.authorityId, t.userId, t.personId),
  ],
);

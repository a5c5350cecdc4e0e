import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { teams, users } from '../../platform/auth/schema.ts';
import {
  authorityColumn,
  createdAt,
  tenantColumns,
  tenantKey,
  tenantReference,
  timestamps,
  updatedAt,
} from '../../platform/db/tenant-table.ts';

/**
 * Client groups, a national reference list (not per council) so equity reports compare
 * like with like. Rows are inserted by a migration; codes never change, labels may.
 */
export const clientGroups = pgTable('client_groups', {
  code: text('code').primaryKey(),
  label: text('label').notNull(),
  sortOrder: integer('sort_order').notNull(),
});

/**
 * A council's localities (its own areas, e.g. locality planning areas), managed at
 * /admin/localities. `people.locality` holds a code from here; a retired locality stays so old
 * records keep their name. Codes never change, names may.
 */
export const localities = pgTable(
  'localities',
  {
    ...tenantColumns(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [tenantKey(t), uniqueIndex('localities_code_unique').on(t.authorityId, t.code)],
);

/** A person who asks for or receives support: the centre of every record. */
export const people = pgTable(
  'people',
  {
    ...tenantColumns(),
    legalName: text('legal_name').notNull(),
    preferredName: text('preferred_name'),
    pronouns: text('pronouns'),
    dateOfBirth: date('date_of_birth', { mode: 'string' }).notNull(),
    phone: text('phone'),
    email: text('email'),
    addressLine1: text('address_line_1'),
    addressLine2: text('address_line_2'),
    town: text('town'),
    postcode: text('postcode'),
    /**
     * The council's own area, used for equity by area: a code from `localities` where the council
     * has them; older records may hold free text, shown as written.
     */
    locality: text('locality'),
    /** Scotland's Community Health Index number, ten digits, stored without spaces. */
    chiNumber: text('chi_number'),
    /** England's NHS number, ten digits, stored without spaces. */
    nhsNumber: text('nhs_number'),
    mainLanguage: text('main_language').notNull().default('English'),
    interpreterNeeded: boolean('interpreter_needed').notNull().default(false),
    /** Codes from COMMUNICATION_NEEDS: 'bsl', 'easy_read', 'talking_mats', 'other'. */
    communicationNeeds: text('communication_needs').array().notNull().default([]),
    communicationOther: text('communication_other'),
    clientGroup: text('client_group')
      .notNull()
      .references(() => clientGroups.code),
    crisis: boolean('crisis').notNull().default(false),
    /** Why the case is a crisis: shown wherever the crisis flag is, so the fast track is explained. */
    crisisReason: text('crisis_reason'),
    status: text('status', { enum: ['referred', 'open', 'closed'] })
      .notNull()
      .default('open'),
    /** Who made contact: a name and how they know the person ("Dr Shah, GP", "self", "daughter"). */
    referredBy: text('referred_by'),
    referralReason: text('referral_reason'),
    referralUrgency: text('referral_urgency', { enum: ['routine', 'soon', 'urgent'] }),
    referredOn: date('referred_on', { mode: 'string' }),
    allocatedTeamId: uuid('allocated_team_id'),
    allocatedWorkerId: uuid('allocated_worker_id'),
    /** Optimistic concurrency: a save names the version it started from. */
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by'),
    ...timestamps(),
  },
  (t) => [
    tenantKey(t),
    tenantReference(t, t.allocatedTeamId, teams),
    tenantReference(t, t.allocatedWorkerId, users),
    index('people_worker_idx').on(t.authorityId, t.allocatedWorkerId),
    index('people_team_idx').on(t.authorityId, t.allocatedTeamId),
    index('people_name_idx').on(t.authorityId, t.legalName),
    // One record per person: the same CHI or NHS number twice is a duplicate record.
    uniqueIndex('people_chi_unique').on(t.authorityId, t.chiNumber).where(sql`${t.chiNumber} is not null`),
    uniqueIndex('people_nhs_unique').on(t.authorityId, t.nhsNumber).where(sql`${t.nhsNumber} is not null`),
  ],
);

/** A row about a person: foreign key (authority_id, person_id) to their record in the same council. */
export const personReference = (t: { authorityId: AnyPgColumn; personId: AnyPgColumn }) =>
  tenantReference(t, t.personId, people);

/**
 * Equality information, kept in its own table so that reading a record never reads it by
 * accident: only `equality.read` does. Every answer may be 'prefer_not_to_say'; a missing
 * row or null means "not asked yet", which equity reports count separately.
 */
export const personEquality = pgTable(
  'person_equality',
  {
    authorityId: authorityColumn(),
    personId: uuid('person_id').notNull(),
    ethnicity: text('ethnicity'),
    disability: text('disability'),
    sex: text('sex'),
    genderIdentity: text('gender_identity'),
    religion: text('religion'),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by'),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.authorityId, t.personId] }), personReference(t)],
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
    ...tenantColumns(),
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
    createdAt: createdAt(),
  },
  (t) => [
    tenantKey(t),
    personReference(t),
    tenantReference(t, t.userId, users),
    index('person_relationships_user_idx').on(t.authorityId, t.userId, t.personId),
    index('person_relationships_person_idx').on(t.authorityId, t.personId),
  ],
);

/**
 * The circle of support: people the person chooses, what they may see or add (consent
 * scope) and from when to when. A member with an account also has a person_relationships
 * row (kept in step in the same transaction), which is what the access rules read.
 */
export const circleMembers = pgTable(
  'circle_members',
  {
    ...tenantColumns(),
    personId: uuid('person_id').notNull(),
    name: text('name').notNull(),
    /** In the person's words: "my sister", "neighbour", "my advocate from Partners in Advocacy". */
    relationship: text('relationship').notNull(),
    /** Consent scope: 'view_record', 'contribute'. Empty: in the circle but sees nothing. */
    maySee: text('may_see').array().notNull().default([]),
    consentFrom: date('consent_from', { mode: 'string' }).notNull(),
    consentTo: date('consent_to', { mode: 'string' }),
    consentWithdrawnOn: date('consent_withdrawn_on', { mode: 'string' }),
    userId: uuid('user_id'),
    relationshipId: uuid('relationship_id'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    tenantKey(t),
    personReference(t),
    tenantReference(t, t.userId, users),
    tenantReference(t, t.relationshipId, personRelationships),
    index('circle_members_person_idx').on(t.authorityId, t.personId),
  ],
);

/**
 * Representatives with legal authority (parental responsibility, guardianship, power of
 * attorney, appointee): the powers the instrument gives, its dates and the evidence seen.
 * With an account they get a person_relationships row of kind 'representative' carrying
 * exactly these powers and dates, so access follows the legal scope.
 */
export const representatives = pgTable(
  'representatives',
  {
    ...tenantColumns(),
    personId: uuid('person_id').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    powers: text('powers').array().notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    /** Where the proof is: an Office of the Public Guardian registration number, a court reference. */
    evidenceReference: text('evidence_reference'),
    userId: uuid('user_id'),
    relationshipId: uuid('relationship_id'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    tenantKey(t),
    personReference(t),
    tenantReference(t, t.userId, users),
    tenantReference(t, t.relationshipId, personRelationships),
    index('representatives_person_idx').on(t.authorityId, t.personId),
  ],
);

/**
 * Independent advocacy and communication support, offered at each stage of the journey,
 * and what the person said: accepted or declined, or why it was not offered (SDS Standard 1:
 * independent support). The eligibility, budget, options and plan pages ask for it until a row
 * for their stage exists (support-stages.ts).
 */
export const supportOffers = pgTable(
  'support_offers',
  {
    ...tenantColumns(),
    personId: uuid('person_id').notNull(),
    /** 'advocacy' or 'communication' */
    kind: text('kind').notNull(),
    stage: text('stage').notNull(),
    response: text('response').notNull(),
    provider: text('provider'),
    offeredOn: date('offered_on', { mode: 'string' }).notNull(),
    /** Why it was not offered (response 'not_offered'), in the worker's words. */
    reason: text('reason'),
    notes: text('notes'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    tenantKey(t),
    personReference(t),
    index('support_offers_person_idx').on(t.authorityId, t.personId),
    // The advocacy report counts by stage across the council.
    index('support_offers_stage_idx').on(t.authorityId, t.stage),
  ],
);

/**
 * Legal orders that bind choices (compulsory treatment, guardianship, community payback,
 * compulsory supervision). Their conditions are the non-negotiables, one per line, always
 * shown apart from the person's negotiable choices (seed 001).
 */
export const legalOrders = pgTable(
  'legal_orders',
  {
    ...tenantColumns(),
    personId: uuid('person_id').notNull(),
    kind: text('kind').notNull(),
    reference: text('reference'),
    madeBy: text('made_by'),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    nonNegotiables: text('non_negotiables').array().notNull(),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
  },
  (t) => [tenantKey(t), personReference(t), index('legal_orders_person_idx').on(t.authorityId, t.personId)],
);

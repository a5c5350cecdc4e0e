import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import {
  authorityColumn,
  createdAt,
  tenantColumns,
  tenantKey,
  tenantReference,
  timestamps,
  updatedAt,
} from '../../platform/db/tenant-table.ts';
import { personalOutcomes } from '../conversations/schema.ts';
import { users } from '../../platform/auth/schema.ts';
import { personReference, representatives } from '../people/schema.ts';
import type { SupportPlanContent } from './plan/content.ts';

/**
 * One version of a person's support plan. The content is the SupportPlanContent of
 * plan/content.ts, stored whole so any two versions can be compared; the lifecycle state follows
 * plan/rules.ts (the lifecycle). An agreed version is never edited: a change starts a new version.
 */
export const supportPlans = pgTable(
  'support_plans',
  {
    ...tenantColumns(),
    personId: uuid('person_id').notNull(),
    version: integer('version').notNull(),
    round: integer('round').notNull().default(1),
    state: text('state', {
      enum: ['draft', 'shared', 'signed', 'submitted', 'agreed', 'returned', 'superseded'],
    })
      .notNull()
      .default('draft'),
    content: jsonb('content').$type<SupportPlanContent>().notNull(),
    totalWeekly: bigint('total_weekly', { mode: 'number' }).notNull().default(0),
    agreedBudgetWeekly: bigint('agreed_budget_weekly', { mode: 'number' }),
    signature: jsonb('signature'),
    returnReasons: text('return_reasons').array(),
    overBudgetException: text('over_budget_exception'),
    decidedBy: uuid('decided_by'),
    decidedOn: date('decided_on', { mode: 'string' }),
    /** The day this version was shared with the person: no agreement to it can be older. */
    sharedOn: date('shared_on', { mode: 'string' }),
    /** Optimistic concurrency for edits and for "exactly one agreement wins". */
    rowVersion: integer('row_version').notNull().default(1),
    createdBy: uuid('created_by'),
    ...timestamps(),
  },
  (t) => [
    tenantKey(t),
    personReference(t),
    uniqueIndex('support_plans_version_unique').on(t.authorityId, t.personId, t.version),
    index('support_plans_state_idx').on(t.authorityId, t.state),
  ],
);

/**
 * How the person agreed a plan version when they did not sign it from an account (plan/
 * agreement-rules.ts): on paper, verbally, with an advocate present or through a
 * representative; who, when, witnessed by whom. At most one per version: recording it moves
 * the version from shared to signed. An optional scanned copy lives in a file under the data
 * directory (`scan_key`, never under public/), with its SHA-256 and size kept here so the file
 * served is the file recorded.
 */
export const planAgreements = pgTable(
  'plan_agreements',
  {
    ...tenantColumns(),
    planId: uuid('plan_id').notNull(),
    personId: uuid('person_id').notNull(),
    planVersion: integer('plan_version').notNull(),
    way: text('way', { enum: ['paper', 'verbal', 'advocate', 'representative'] }).notNull(),
    agreedByName: text('agreed_by_name').notNull(),
    representativeId: uuid('representative_id'),
    agreedOn: date('agreed_on', { mode: 'string' }).notNull(),
    witnessName: text('witness_name'),
    witnessRole: text('witness_role'),
    notes: text('notes'),
    scanKey: text('scan_key'),
    scanType: text('scan_type', { enum: ['pdf', 'png', 'jpeg'] }),
    scanBytes: integer('scan_bytes'),
    scanSha256: text('scan_sha256'),
    recordedBy: uuid('recorded_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    tenantKey(t),
    personReference(t),
    tenantReference(t, t.planId, supportPlans),
    tenantReference(t, t.representativeId, representatives),
    tenantReference(t, t.recordedBy, users),
    uniqueIndex('plan_agreements_plan_unique').on(t.authorityId, t.planId),
  ],
);

/**
 * The cost lines of a plan version, one row each, written when a version is saved, so that
 * payments (option 1 lines of the agreed plan) and equity reports (option uptake and spend
 * by group) are set-based queries rather than JSON scans.
 */
export const supportPlanCostLines = pgTable(
  'support_plan_cost_lines',
  {
    ...tenantColumns(),
    planId: uuid('plan_id').notNull(),
    personId: uuid('person_id').notNull(),
    outcomeId: uuid('outcome_id'),
    description: text('description').notNull(),
    providerKind: text('provider_kind').notNull(),
    frequency: text('frequency').notNull().default(''),
    weeklyCost: bigint('weekly_cost', { mode: 'number' }).notNull(),
    fundingStream: text('funding_stream').notNull(),
    sdsOption: smallint('sds_option').notNull(),
  },
  (t) => [
    tenantKey(t),
    tenantReference(t, t.planId, supportPlans),
    personReference(t),
    tenantReference(t, t.outcomeId, personalOutcomes),
    index('support_plan_cost_lines_plan_idx').on(t.authorityId, t.planId),
    index('support_plan_cost_lines_option_idx').on(t.authorityId, t.sdsOption),
  ],
);

/**
 * The SDS option a person chose for an outcome, with who helped and when. Changing option
 * is a new row (a new version), never an edit.
 */
export const sdsOptionChoices = pgTable(
  'sds_option_choices',
  {
    ...tenantColumns(),
    personId: uuid('person_id').notNull(),
    outcomeId: uuid('outcome_id').notNull(),
    version: integer('version').notNull(),
    sdsOption: smallint('sds_option').notNull(),
    /** England's deployment route, where the authority's configuration offers them. */
    deploymentRoute: text('deployment_route'),
    helpedBy: text('helped_by'),
    chosenOn: date('chosen_on', { mode: 'string' }).notNull(),
    recordedBy: uuid('recorded_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    tenantKey(t),
    personReference(t),
    tenantReference(t, t.outcomeId, personalOutcomes),
    uniqueIndex('sds_option_choices_version_unique').on(t.authorityId, t.outcomeId, t.version),
  ],
);

/**
 * How an authority offered the SDS options before its settings were versioned: read only as
 * the settings in force when no version of `sds_options_versions` is (nothing writes it now).
 * Scotland must offer all four (the 2013 Act), so only England's deployment routes are
 * configurable; direct payment and council-managed are always offered whatever is stored here
 * (Care Act ss.18 and 31, see options/rules.ts). No row means every route is offered.
 */
export const sdsConfiguration = pgTable(
  'sds_configuration',
  {
    authorityId: authorityColumn(),
    /** DeploymentRoute values (options/rules.ts) this council runs. */
    routesEnabled: text('routes_enabled').array().notNull(),
    /** Whether the council funds an independent direct-payment support organisation, shown to people. */
    supportOrganisationFunded: boolean('support_organisation_funded').notNull().default(true),
    updatedBy: uuid('updated_by').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.authorityId] })],
);

/**
 * The council's SDS options settings, versioned like its other policies: a draft, checked,
 * published from a date (never the past), never edited. England: the deployment routes the
 * council runs (direct payment and council-managed always, whatever is stored). Scotland: all
 * four options always, so only whether a support organisation is funded changes.
 */
export const sdsOptionsVersions = pgTable(
  'sds_options_versions',
  {
    ...tenantColumns(),
    versionLabel: text('version_label').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    status: text('status', { enum: ['draft', 'published'] })
      .notNull()
      .default('published'),
    /** DeploymentRoute values (options/rules.ts) this council runs. */
    routesEnabled: text('routes_enabled').array().notNull(),
    /** Whether the council funds an independent direct-payment support organisation, shown to people. */
    supportOrganisationFunded: boolean('support_organisation_funded').notNull().default(true),
    /** On a published row made from a draft: that draft. */
    draftId: uuid('draft_id'),
    createdBy: uuid('created_by'),
    publishedBy: uuid('published_by'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    tenantKey(t),
    uniqueIndex('sds_options_versions_label_unique').on(t.authorityId, t.status, t.versionLabel),
    // A draft is published once.
    uniqueIndex('sds_options_versions_draft_unique')
      .on(t.authorityId, t.draftId)
      .where(sql`draft_id is not null`),
    tenantReference(t, t.draftId, t),
  ],
);

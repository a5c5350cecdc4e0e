import { sql } from 'drizzle-orm';
import { bigint, date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns, tenantKey, tenantReference } from '../../platform/db/tenant-table.ts';
import { personReference } from '../people/schema.ts';
import type { ChargingAssessment, ChargingPolicy } from './rules.ts';

/**
 * A council's charging policy versions. The figures (thresholds, taper, disregards, MIG,
 * capital limits) are data in `policy`, checked by the rules. Append-only (a trigger refuses
 * any update): a draft is changed by adding its next revision (`supersedes_id`), and published
 * by adding the published row made from it (`draft_id`), so a row's id is the draft's
 * concurrency token. Rows from before drafts existed are published versions.
 */
export const chargingPolicyVersions = pgTable(
  'charging_policy_versions',
  {
    ...tenantColumns(),
    versionLabel: text('version_label').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    policy: jsonb('policy').$type<ChargingPolicy>().notNull(),
    /** 'net': the contribution is taken off the direct payment; 'invoice': billed separately. */
    contributionMethod: text('contribution_method', { enum: ['net', 'invoice'] }).notNull(),
    /** Existing rows (and inserts that do not say) were published versions; drafts never apply. */
    status: text('status', { enum: ['draft', 'published'] })
      .notNull()
      .default('published'),
    /** Who wrote the figures: on a draft revision its author, on a published row the draft's. */
    draftedBy: uuid('drafted_by'),
    publishedBy: uuid('published_by'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** On a published row made from a draft: that draft's last revision. */
    draftId: uuid('draft_id'),
    /** On a draft revision: the revision of the same draft it replaces. */
    supersedesId: uuid('supersedes_id'),
    createdAt: createdAt(),
  },
  (t) => [
    tenantKey(t),
    // Published names are unique; a draft's revisions and its published row share its name.
    uniqueIndex('charging_policy_versions_published_label_unique')
      .on(t.authorityId, t.versionLabel)
      .where(sql`status = 'published'`),
    // A draft revision is published once and replaced once at most: of two saves of the same
    // revision at once, one wins and the other is refused as stale.
    uniqueIndex('charging_policy_versions_draft_unique')
      .on(t.authorityId, t.draftId)
      .where(sql`draft_id is not null`),
    uniqueIndex('charging_policy_versions_supersedes_unique')
      .on(t.authorityId, t.supersedesId)
      .where(sql`supersedes_id is not null`),
    tenantReference(t, t.draftId, t),
    tenantReference(t, t.supersedesId, t),
  ],
);

export interface AssessedIncome {
  kind: string;
  label: string;
  weeklyAmount: number;
  evidence: string;
}
export interface AssessedCapital {
  label: string;
  amount: number;
  evidence: string;
}
export interface AssessedService {
  label: string;
  weeklyCost: number;
  freePersonalCare: boolean;
}

/**
 * A financial assessment: what was counted, with evidence, and the contribution with its
 * explanation exactly as shown to the person. Append-only: a reassessment is a new row.
 */
export const financialAssessments = pgTable(
  'financial_assessments',
  {
    ...tenantColumns(),
    personId: uuid('person_id').notNull(),
    policyId: uuid('policy_id').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    /** Scotland: age group; England: minimum income guarantee band. */
    band: text('band').notNull(),
    incomes: jsonb('incomes').$type<AssessedIncome[]>().notNull(),
    capital: jsonb('capital').$type<AssessedCapital[]>().notNull(),
    expenses: jsonb('expenses').$type<{ label: string; weeklyAmount: number }[]>().notNull(),
    services: jsonb('services').$type<AssessedService[]>().notNull(),
    weeklyContribution: bigint('weekly_contribution', { mode: 'number' }).notNull(),
    result: jsonb('result').$type<ChargingAssessment>().notNull(),
    assessedBy: uuid('assessed_by').notNull(),
    /**
     * A correction: the assessment for the same date that this one replaces (kept, never
     * edited), and why. Null for an assessment that replaces nothing.
     */
    supersedesId: uuid('supersedes_id'),
    reason: text('reason'),
    createdAt: createdAt(),
  },
  (t) => [
    tenantKey(t),
    personReference(t),
    tenantReference(t, t.policyId, chargingPolicyVersions),
    tenantReference(t, t.supersedesId, t),
    // An assessment is superseded once at most, so its history is a single line.
    uniqueIndex('financial_assessments_supersedes_unique')
      .on(t.authorityId, t.supersedesId)
      .where(sql`supersedes_id is not null`),
    index('financial_assessments_person_idx').on(t.authorityId, t.personId, t.createdAt),
  ],
);

/** The person asks for the assessment to be looked at again, in their words. Append-only. */
export const chargingReviewRequests = pgTable(
  'charging_review_requests',
  {
    ...tenantColumns(),
    personId: uuid('person_id').notNull(),
    assessmentId: uuid('assessment_id').notNull(),
    reason: text('reason').notNull(),
    requestedBy: uuid('requested_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [tenantKey(t), tenantReference(t, t.assessmentId, financialAssessments)],
);

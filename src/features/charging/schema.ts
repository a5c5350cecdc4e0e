import { sql } from 'drizzle-orm';
import { bigint, date, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns, tenantKey, tenantReference } from '../../platform/db/tenant-table.ts';
import { personReference } from '../people/schema.ts';
import type { ChargingAssessment, ChargingPolicy } from './rules.ts';

/**
 * A council's charging policy, one row per published version. The figures (thresholds,
 * taper, disregards, MIG, capital limits) are data in `policy`, checked by the rules.
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
    createdAt: createdAt(),
  },
  (t) => [
    tenantKey(t),
    uniqueIndex('charging_policy_versions_label_unique').on(t.authorityId, t.versionLabel),
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

import { sql } from 'drizzle-orm';
import {
  bigint,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Explained } from '../../platform/money/index.ts';
import { createdAt, tenantColumns, tenantKey, tenantReference } from '../../platform/db/tenant-table.ts';
import { personReference } from '../people/schema.ts';

/**
 * A published, versioned, effective-dated budget policy: support units × published rates,
 * stated adjustments, optional bands (the `BudgetPolicy` of rules.ts, stored as JSON so a
 * version is exactly what was published). Never edited once published: a change is a new version.
 */
export const budgetPolicyVersions = pgTable(
  'budget_policy_versions',
  {
    ...tenantColumns(),
    versionLabel: text('version_label').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    effectiveTo: date('effective_to', { mode: 'string' }),
    status: text('status', { enum: ['draft', 'published', 'withdrawn'] })
      .notNull()
      .default('draft'),
    /** The BudgetPolicy (rules.ts) as published. */
    content: jsonb('content').notNull(),
    /** Who shaped it (co-production), in plain words. */
    coProducedWith: text('co_produced_with'),
    createdBy: uuid('created_by'),
    createdAt: createdAt(),
    publishedBy: uuid('published_by'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** The re-pricing report (RepricingSummary) as shown when it was published, kept for the public. */
    repricing: jsonb('repricing'),
  },
  (t) => [tenantKey(t)],
);

/**
 * One version of a person's budget: indicative (from the policy), agreed (after the support
 * plan) or interim (crisis, approved the same day). A new version supersedes the last; none
 * is ever edited. The explanation is stored exactly as shown to the person.
 */
export const personBudgets = pgTable(
  'person_budgets',
  {
    ...tenantColumns(),
    personId: uuid('person_id').notNull(),
    version: integer('version').notNull(),
    kind: text('kind', { enum: ['indicative', 'agreed', 'interim'] }).notNull(),
    status: text('status', { enum: ['current', 'superseded', 'expired', 'regularised'] })
      .notNull()
      .default('current'),
    weeklyAmount: bigint('weekly_amount', { mode: 'number' }).notNull(),
    annualAmount: bigint('annual_amount', { mode: 'number' }).notNull(),
    oneOffTotal: bigint('one_off_total', { mode: 'number' }).notNull().default(0),
    /** The assessed needs costed (AssessedNeed[] of rules.ts), for what-if and re-pricing. */
    needs: jsonb('needs').notNull().default(sql`'[]'::jsonb`),
    explanation: jsonb('explanation').$type<Explained>().notNull(),
    policyVersionId: uuid('policy_version_id'),
    /** Why this version exists, in plain words (who/when are the columns below). */
    reason: text('reason').notNull(),
    decidedBy: uuid('decided_by').notNull(),
    /** Interim budgets only: when it stops unless regularised by a full decision. */
    expiresOn: date('expires_on', { mode: 'string' }),
    /** The support plan whose agreement produced an agreed budget. */
    supportPlanId: uuid('support_plan_id'),
    createdAt: createdAt(),
  },
  (t) => [
    tenantKey(t),
    personReference(t),
    tenantReference(t, t.policyVersionId, budgetPolicyVersions),
    uniqueIndex('person_budgets_version_unique').on(t.authorityId, t.personId, t.version),
    index('person_budgets_current_idx').on(t.authorityId, t.status, t.kind),
  ],
);

/** The streams that make up one budget version, each with its source, conditions and contact. */
export const budgetFundingStreams = pgTable(
  'budget_funding_streams',
  {
    ...tenantColumns(),
    budgetId: uuid('budget_id').notNull(),
    /** 'council_social_care', 'independent_living_fund', 'health', 'equipment', 'housing_adaptations', 'housing_support', 'employment_support'. */
    stream: text('stream').notNull(),
    source: text('source').notNull(),
    weeklyAmount: bigint('weekly_amount', { mode: 'number' }).notNull(),
    conditions: text('conditions'),
    contact: text('contact'),
  },
  (t) => [
    tenantKey(t),
    tenantReference(t, t.budgetId, personBudgets),
    index('budget_funding_streams_budget_idx').on(t.authorityId, t.budgetId),
  ],
);

import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, tenantColumns, tenantKey, tenantReference } from '../../platform/db/tenant-table.ts';
import { personReference } from '../people/schema.ts';
import type { EligibilityAssessment, EligibilityPolicy } from './rules.ts';

/** Where to find help when the council will not pay for support: words and a list of links. */
export interface Signposting {
  text: string;
  links: { text: string; href: string }[];
}

/**
 * A council's eligibility policy, one row per version with its effective dates (Scotland's
 * national framework with the bands the council funds, or England's Care Act test). Published
 * versions follow each other with no gap and no overlap (`validateEffectiveDates`). A draft is a
 * row of its own with status 'draft' and never applies; publishing it adds a published row that
 * names the draft (`draftId`), so a draft is never edited into force.
 */
export const eligibilityPolicyVersions = pgTable(
  'eligibility_policy_versions',
  {
    ...tenantColumns(),
    framework: text('framework', { enum: ['scotland', 'england'] }).notNull(),
    versionLabel: text('version_label').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    effectiveTo: date('effective_to', { mode: 'string' }),
    /** The EligibilityPolicy of rules.ts as published. */
    content: jsonb('content').$type<EligibilityPolicy>().notNull(),
    /** What people below the threshold are offered by default (the worker may add to it). */
    signposting: jsonb('signposting').$type<Signposting>().notNull(),
    /** Existing rows (and inserts that do not say) were published versions. */
    status: text('status', { enum: ['draft', 'published'] })
      .notNull()
      .default('published'),
    /** On a published row made from a draft: that draft. */
    draftId: uuid('draft_id'),
    /** Who drafted it (null for versions published before drafts existed). */
    createdBy: uuid('created_by'),
    publishedBy: uuid('published_by'),
    /** Null on a draft; versions published before drafts existed keep their time. */
    publishedAt: timestamp('published_at', { withTimezone: true }).defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [
    tenantKey(t),
    // A draft is published once.
    uniqueIndex('eligibility_policy_versions_draft_unique')
      .on(t.authorityId, t.draftId)
      .where(sql`draft_id is not null`),
    tenantReference(t, t.draftId, t),
  ],
);

/**
 * One eligibility decision: the evidence per area, the result, the reasons in plain words,
 * who decided, how to ask for a review, and where to get help when not eligible. A new
 * decision is a new row; none is ever edited (append-only, see the migration).
 */
export const eligibilityDecisions = pgTable(
  'eligibility_decisions',
  {
    ...tenantColumns(),
    personId: uuid('person_id').notNull(),
    policyVersionId: uuid('policy_version_id').notNull(),
    policyVersionLabel: text('policy_version_label').notNull(),
    assessment: jsonb('assessment').$type<EligibilityAssessment>().notNull(),
    eligible: boolean('eligible').notNull(),
    result: text('result').notNull(),
    reasons: jsonb('reasons').$type<string[]>().notNull(),
    reviewRoute: text('review_route').notNull(),
    signposting: jsonb('signposting').$type<Signposting | null>(),
    decidedBy: uuid('decided_by').notNull(),
    decidedByName: text('decided_by_name').notNull(),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    tenantKey(t),
    personReference(t),
    tenantReference(t, t.policyVersionId, eligibilityPolicyVersions),
    index('eligibility_decisions_person_idx').on(t.authorityId, t.personId, t.createdAt),
  ],
);

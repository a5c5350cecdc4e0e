import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
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
import {
  authorityColumn,
  createdAt,
  tenantColumns,
  tenantKey,
  tenantReference,
} from '../../platform/db/tenant-table.ts';
import type { Explained } from '../../platform/money/index.ts';
import { personReference } from '../people/schema.ts';

/**
 * Ledger accounts, named as in ledger/account-ids.ts ("person_dp_account:<person id>"). Append-only:
 * an account is opened once and never renamed; its balance is always derived from transfers.
 */
export const ledgerAccounts = pgTable(
  'ledger_accounts',
  {
    authorityId: authorityColumn(),
    id: text('id').notNull(),
    kind: text('kind').notNull(),
    personId: uuid('person_id'),
    createdAt: createdAt(),
  },
  (t) => [tenantKey(t), personReference(t)],
);

/**
 * Every movement of money: one debit and one credit of the same whole pence. Append-only;
 * a correction is a reversing transfer. The idempotency key is unique per council, so a
 * replayed request or a resumed payment run inserts nothing the second time.
 */
export const ledgerTransfers = pgTable(
  'ledger_transfers',
  {
    ...tenantColumns(),
    idempotencyKey: text('idempotency_key').notNull(),
    debitAccount: text('debit_account').notNull(),
    creditAccount: text('credit_account').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    kind: text('kind', { enum: ['payment', 'contribution', 'recovery', 'reversal', 'adjustment'] }).notNull(),
    reversesTransferId: uuid('reverses_transfer_id'),
    postedOn: date('posted_on', { mode: 'string' }).notNull(),
    description: text('description').notNull(),
    /** The person whose account is touched, for their statement and subject access export. */
    personId: uuid('person_id'),
    runId: uuid('run_id'),
    postedBy: uuid('posted_by'),
    createdAt: createdAt(),
  },
  (t) => [
    tenantKey(t),
    uniqueIndex('ledger_transfers_key_unique').on(t.authorityId, t.idempotencyKey),
    // A transfer can be reversed once only, enforced by the database as well as the rules.
    uniqueIndex('ledger_transfers_reversal_unique')
      .on(t.authorityId, t.reversesTransferId)
      .where(sql`reverses_transfer_id is not null`),
    tenantReference(t, t.debitAccount, ledgerAccounts),
    tenantReference(t, t.creditAccount, ledgerAccounts),
    tenantReference(t, t.reversesTransferId, t),
    index('ledger_transfers_debit_idx').on(t.authorityId, t.debitAccount),
    index('ledger_transfers_credit_idx').on(t.authorityId, t.creditAccount),
    index('ledger_transfers_person_idx').on(t.authorityId, t.personId),
    check('ledger_transfers_amount_positive', sql`amount > 0`),
    check('ledger_transfers_two_accounts', sql`debit_account <> credit_account`),
  ],
);

/** How often a direct payment may be paid: the dp_agreements frequencies a council may offer. */
export const PAYMENT_FREQUENCIES = ['weekly', 'four_weekly', 'monthly'] as const;

/**
 * The council's direct-payment settings, versioned: surplus threshold, the council's paying
 * account, two-person approval of runs and the payment frequencies it offers. Append-only (the
 * database refuses any edit): a draft is a row with status 'draft'; publishing it adds the
 * published row, naming the draft it came from, so a published version is never changed.
 */
export const paymentPolicyVersions = pgTable(
  'payment_policy_versions',
  {
    ...tenantColumns(),
    versionLabel: text('version_label').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    /** Existing rows (and inserts that do not say) were published versions. */
    status: text('status', { enum: ['draft', 'published'] })
      .notNull()
      .default('published'),
    surplusThresholdWeeks: integer('surplus_threshold_weeks').notNull(),
    originatorName: text('originator_name').notNull(),
    originatorSortCode: text('originator_sort_code').notNull(),
    originatorAccountNumber: text('originator_account_number').notNull(),
    /** Two people for a payment run: whoever created a run may not approve it. On by default. */
    twoPersonApproval: boolean('two_person_approval').notNull().default(true),
    /** The frequencies new agreements may use; every one unless a version says otherwise. */
    offeredFrequencies: text('offered_frequencies', { enum: PAYMENT_FREQUENCIES })
      .array()
      .notNull()
      .default(sql`'{weekly,four_weekly,monthly}'::text[]`),
    /** On a published row made from a draft: that draft. */
    draftId: uuid('draft_id'),
    createdBy: uuid('created_by'),
    publishedBy: uuid('published_by'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    tenantKey(t),
    uniqueIndex('payment_policy_versions_label_unique').on(t.authorityId, t.status, t.versionLabel),
    // A draft is published once.
    uniqueIndex('payment_policy_versions_draft_unique')
      .on(t.authorityId, t.draftId)
      .where(sql`draft_id is not null`),
    tenantReference(t, t.draftId, t),
    check(
      'payment_policy_versions_frequencies_offered',
      sql`cardinality(offered_frequencies) > 0 and offered_frequencies <@ '{weekly,four_weekly,monthly}'::text[]`,
    ),
  ],
);

/**
 * A direct-payment agreement made from an agreed plan's option 1 lines. Bank details are
 * encrypted (AES-256-GCM); only the last four digits are kept in clear, for display.
 */
export const dpAgreements = pgTable(
  'dp_agreements',
  {
    ...tenantColumns(),
    personId: uuid('person_id').notNull(),
    planId: uuid('plan_id').notNull(),
    amountPerPeriod: bigint('amount_per_period', { mode: 'number' }).notNull(),
    weeklyAmount: bigint('weekly_amount', { mode: 'number' }).notNull(),
    frequency: text('frequency', { enum: PAYMENT_FREQUENCIES }).notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    contributionPerPeriod: bigint('contribution_per_period', { mode: 'number' }).notNull().default(0),
    /** 'net': the contribution is taken off each payment; 'invoice': paid gross and invoiced. */
    contributionMethod: text('contribution_method', { enum: ['net', 'invoice'] })
      .notNull()
      .default('net'),
    holderKind: text('holder_kind', {
      enum: ['person', 'representative', 'third_party', 'managed_account'],
    }).notNull(),
    holderName: text('holder_name').notNull(),
    bankDetails: text('bank_details').notNull(),
    accountLast4: text('account_last4').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    tenantKey(t),
    personReference(t),
    // One agreement per person; later changes are dated rows in dp_agreement_changes.
    uniqueIndex('dp_agreements_person_unique').on(t.authorityId, t.personId),
  ],
);

/**
 * New amounts from an effective date (a new plan version or a new contribution). Append-only:
 * a change is corrected by a new version for the same date that supersedes it, with a reason;
 * the schedule uses the newest version of each date, and the earlier ones stay as history.
 */
export const dpAgreementChanges = pgTable(
  'dp_agreement_changes',
  {
    ...tenantColumns(),
    agreementId: uuid('agreement_id').notNull(),
    personId: uuid('person_id').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    /** 1 for the first change from a date; each superseding version adds one. */
    version: integer('version').notNull().default(1),
    supersedesChangeId: uuid('supersedes_change_id'),
    /** The financial assessment that made this change, when a contribution made it. */
    assessmentId: uuid('assessment_id'),
    amountPerPeriod: bigint('amount_per_period', { mode: 'number' }).notNull(),
    contributionPerPeriod: bigint('contribution_per_period', { mode: 'number' }).notNull(),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    tenantKey(t),
    tenantReference(t, t.agreementId, dpAgreements),
    tenantReference(t, t.supersedesChangeId, t),
    uniqueIndex('dp_agreement_changes_date_version_unique').on(
      t.authorityId,
      t.agreementId,
      t.effectiveFrom,
      t.version,
    ),
    uniqueIndex('dp_agreement_changes_supersedes_unique')
      .on(t.authorityId, t.supersedesChangeId)
      .where(sql`supersedes_change_id is not null`),
  ],
);

/** One payment run per run date: planned, then approved and posted (resumable). */
export const paymentRuns = pgTable(
  'payment_runs',
  {
    ...tenantColumns(),
    runDate: date('run_date', { mode: 'string' }).notNull(),
    status: text('status', { enum: ['planned', 'approved', 'posted'] })
      .notNull()
      .default('planned'),
    plannedCount: integer('planned_count').notNull(),
    plannedTotal: bigint('planned_total', { mode: 'number' }).notNull(),
    createdBy: uuid('created_by').notNull(),
    approvedBy: uuid('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    postedAt: timestamp('posted_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [tenantKey(t), uniqueIndex('payment_runs_date_unique').on(t.authorityId, t.runDate)],
);

/**
 * One row per period paid. Unique per agreement and period, so no period can ever be paid
 * twice, whichever run or retry tries. Append-only.
 */
export const dpPayments = pgTable(
  'dp_payments',
  {
    ...tenantColumns(),
    runId: uuid('run_id').notNull(),
    agreementId: uuid('agreement_id').notNull(),
    personId: uuid('person_id').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    /** Surplus taken off this payment (a decided surplus review), sent as amount − reduction. */
    reduction: bigint('reduction', { mode: 'number' }).notNull().default(0),
    transferId: uuid('transfer_id'),
    explanation: jsonb('explanation').$type<Explained>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    tenantKey(t),
    uniqueIndex('dp_payments_period_unique').on(t.authorityId, t.agreementId, t.periodStart),
    tenantReference(t, t.runId, paymentRuns),
    tenantReference(t, t.agreementId, dpAgreements),
    tenantReference(t, t.transferId, ledgerTransfers),
    index('dp_payments_run_idx').on(t.authorityId, t.runId),
    index('dp_payments_person_idx').on(t.authorityId, t.personId),
  ],
);

/**
 * A paid period put right after the change that priced it was superseded: the difference
 * between what the new terms give for the period and what was paid for it so far, posted
 * as a ledger transfer (never by editing the payment). One row per period and superseding
 * change, so applying the same correction again posts nothing. Append-only.
 */
export const dpPaymentCorrections = pgTable(
  'dp_payment_corrections',
  {
    ...tenantColumns(),
    agreementId: uuid('agreement_id').notNull(),
    personId: uuid('person_id').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    changeId: uuid('change_id').notNull(),
    /** Signed pence: above zero paid to the person, below zero taken back. Never zero. */
    amount: bigint('amount', { mode: 'number' }).notNull(),
    transferId: uuid('transfer_id').notNull(),
    explanation: jsonb('explanation').$type<Explained>().notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    tenantKey(t),
    uniqueIndex('dp_payment_corrections_unique').on(t.authorityId, t.agreementId, t.periodStart, t.changeId),
    tenantReference(t, t.agreementId, dpAgreements),
    tenantReference(t, t.changeId, dpAgreementChanges),
    tenantReference(t, t.transferId, ledgerTransfers),
    index('dp_payment_corrections_person_idx').on(t.authorityId, t.personId),
    check('dp_payment_corrections_amount_not_zero', sql`amount <> 0`),
  ],
);

/** A monitoring return from the account holder. Append-only: a correction is a new return. */
export const dpReturns = pgTable(
  'dp_returns',
  {
    ...tenantColumns(),
    personId: uuid('person_id').notNull(),
    agreementId: uuid('agreement_id').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    openingBalance: bigint('opening_balance', { mode: 'number' }).notNull(),
    paymentsIn: bigint('payments_in', { mode: 'number' }).notNull(),
    paWages: bigint('pa_wages', { mode: 'number' }).notNull(),
    employerCosts: bigint('employer_costs', { mode: 'number' }).notNull(),
    agency: bigint('agency', { mode: 'number' }).notNull(),
    other: bigint('other', { mode: 'number' }).notNull(),
    closingBalance: bigint('closing_balance', { mode: 'number' }).notNull(),
    difference: bigint('difference', { mode: 'number' }).notNull(),
    source: text('source', { enum: ['page', 'csv', 'api'] }).notNull(),
    submittedBy: uuid('submitted_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    tenantKey(t),
    tenantReference(t, t.agreementId, dpAgreements),
    index('dp_returns_person_idx').on(t.authorityId, t.personId),
  ],
);

/**
 * A surplus found on a return. The person gives their view first; only then may the council
 * decide to keep it with the person, recover it now, or take it off the next payment.
 */
export const surplusReviews = pgTable(
  'surplus_reviews',
  {
    ...tenantColumns(),
    personId: uuid('person_id').notNull(),
    agreementId: uuid('agreement_id').notNull(),
    returnId: uuid('return_id').notNull(),
    balance: bigint('balance', { mode: 'number' }).notNull(),
    threshold: bigint('threshold', { mode: 'number' }).notNull(),
    surplus: bigint('surplus', { mode: 'number' }).notNull(),
    policyVersion: text('policy_version').notNull(),
    explanation: jsonb('explanation').$type<Explained>().notNull(),
    status: text('status', { enum: ['awaiting_view', 'view_given', 'decided'] })
      .notNull()
      .default('awaiting_view'),
    personView: text('person_view'),
    viewGivenBy: uuid('view_given_by'),
    viewGivenAt: timestamp('view_given_at', { withTimezone: true }),
    decision: text('decision', { enum: ['keep', 'recover_now', 'reduce_next_payment'] }),
    decisionAmount: bigint('decision_amount', { mode: 'number' }),
    decisionReason: text('decision_reason'),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    rowVersion: integer('row_version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [
    tenantKey(t),
    tenantReference(t, t.returnId, dpReturns),
    uniqueIndex('surplus_reviews_return_unique').on(t.authorityId, t.returnId),
    index('surplus_reviews_person_idx').on(t.authorityId, t.personId),
  ],
);

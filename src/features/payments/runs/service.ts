import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { CouncilAccess } from '../../../platform/auth/access.ts';
import { audited, recordAudit } from '../../../platform/audit/index.ts';
import { users } from '../../../platform/auth/schema.ts';
import { inTenant } from '../../../platform/db/transaction.ts';
import type { Db, Tx } from '../../../platform/db/client.ts';
import { isIsoDate, todayInLondon } from '../../../platform/dates.ts';
import { formatPence, sumPence } from '../../../platform/money/index.ts';
import { Problem } from '../../../platform/http/problem.ts';
import { paymentPolicyOn } from '../policy/store.ts';
import { planRun } from './planning.ts';
import { postSlice, type SliceResult } from './posting.ts';
import { dpAgreements, dpPayments, paymentRuns } from '../schema.ts';

export type RunRow = typeof paymentRuns.$inferSelect;

/** Creates the run for a date once; asking again for the same date returns the same run. */
export async function createRun(db: Db, access: CouncilAccess, runDate: string) {
  if (!isIsoDate(runDate))
    throw Problem.invalid([{ field: 'runDate', message: 'Enter a real payment date' }]);
  return audited(
    db,
    access,
    'payments.run.create',
    async (tx) => {
      const [existing] = await tx.select().from(paymentRuns).where(eq(paymentRuns.runDate, runDate));
      if (existing) return { run: existing, created: false };
      const plan = await planRun(tx, runDate);
      const inserted = await tx
        .insert(paymentRuns)
        .values({
          authorityId: access.authorityId,
          runDate,
          plannedCount: plan.count,
          plannedTotal: plan.totalSent,
          createdBy: access.actor.userId,
        })
        .onConflictDoNothing()
        .returning();
      if (inserted[0]) return { run: inserted[0], created: true };
      const [raced] = await tx.select().from(paymentRuns).where(eq(paymentRuns.runDate, runDate));
      return { run: raced!, created: false };
    },
    { runDate },
  );
}

export async function getRun(tx: Tx, runId: string): Promise<RunRow> {
  if (!/^[0-9a-f-]{36}$/i.test(runId)) throw Problem.notFound('Payment run');
  const [run] = await tx.select().from(paymentRuns).where(eq(paymentRuns.id, runId));
  if (!run) throw Problem.notFound('Payment run');
  return run;
}

export async function listRuns(db: Db, access: CouncilAccess) {
  return audited(db, access, 'payments.run.list', (tx) =>
    tx.select().from(paymentRuns).orderBy(desc(paymentRuns.runDate)).limit(50),
  );
}

/** A run as shown: the live plan while not yet posted, and what has been posted so far. */
export async function runDetail(db: Db, access: CouncilAccess, runId: string) {
  return audited(db, access, 'payments.run.read', async (tx) => {
    const run = await getRun(tx, runId);
    const posted = await postedPayments(tx, runId);
    const plan = run.status === 'posted' ? null : await planRun(tx, run.runDate);
    const people = [run.createdBy, ...(run.approvedBy ? [run.approvedBy] : [])];
    const names = new Map(
      (
        await tx
          .select({ id: users.id, displayName: users.displayName })
          .from(users)
          .where(inArray(users.id, people))
      ).map((u) => [u.id, u.displayName]),
    );
    const policy = await paymentPolicyOn(tx, todayInLondon());
    const twoPersonApproval = policy?.twoPersonApproval ?? true;
    return {
      run,
      createdByName: names.get(run.createdBy) ?? 'A former member of staff',
      approvedByName: run.approvedBy ? (names.get(run.approvedBy) ?? 'A former member of staff') : null,
      twoPersonApproval,
      /** False when the council needs two people and the reader created this run. */
      mayApprove: !(twoPersonApproval && run.createdBy === access.actor.userId),
      posted,
      postedCount: posted.length,
      postedTotal: sumPence(posted.map((p) => p.amount - p.reduction)),
      plan,
    };
  });
}

export async function postedPayments(tx: Tx, runId: string) {
  return tx
    .select({
      id: dpPayments.id,
      personId: dpPayments.personId,
      agreementId: dpPayments.agreementId,
      periodStart: dpPayments.periodStart,
      periodEnd: dpPayments.periodEnd,
      amount: dpPayments.amount,
      reduction: dpPayments.reduction,
      explanation: dpPayments.explanation,
      holderName: dpAgreements.holderName,
      accountLast4: dpAgreements.accountLast4,
      bankDetails: dpAgreements.bankDetails,
    })
    .from(dpPayments)
    .innerJoin(
      dpAgreements,
      and(eq(dpAgreements.authorityId, dpPayments.authorityId), eq(dpAgreements.id, dpPayments.agreementId)),
    )
    .where(eq(dpPayments.runId, runId))
    .orderBy(asc(dpPayments.agreementId), asc(dpPayments.periodStart));
}

/** Why the officer who created a run may not approve it, in the words the page and API show. */
export const SAME_PERSON_REFUSAL =
  'You created this payment run, so you cannot approve it too. Another finance officer must check the payments and approve the run.';

/**
 * Approval of a planned run, in one transaction with its audit record. When the council's
 * payment policy asks for two people (the default), the officer who created the run is
 * refused: the refusal is audited as denied (committed on its own) and answered with 403.
 * An approved or posted run is returned as it is, so an interrupted run can be resumed.
 */
async function approveRun(
  db: Db,
  access: CouncilAccess,
  runId: string,
  expected: PostOptions['expected'],
): Promise<RunRow> {
  const audit = (tx: Tx, outcome: 'allowed' | 'denied', detail: Record<string, unknown>, reason?: string) =>
    recordAudit(tx, {
      actor: access.actor,
      authorityId: access.authorityId,
      personId: null,
      action: 'payments.run.approve',
      route: access.route,
      outcome,
      reason: reason ?? null,
      detail,
    });
  const decided = await inTenant(db, access.authorityId, async (tx) => {
    const found = await getRun(tx, runId);
    const detail = { runId, runDate: found.runDate, createdBy: found.createdBy };
    if (found.status !== 'planned') {
      await audit(tx, 'allowed', { ...detail, resumed: true });
      return { run: found, refused: false };
    }
    const policy = await paymentPolicyOn(tx, todayInLondon());
    const twoPeople = policy?.twoPersonApproval ?? true;
    if (twoPeople && found.createdBy === access.actor.userId) {
      await audit(tx, 'denied', { ...detail, twoPersonApproval: true }, SAME_PERSON_REFUSAL);
      return { run: found, refused: true };
    }
    if (expected) {
      const plan = await planRun(tx, found.runDate);
      if (plan.count !== expected.count || plan.totalSent !== expected.total) {
        throw Problem.conflict(
          `The payments due have changed since you looked (now ${plan.count} payments, ${formatPence(plan.totalSent)}). Check the new totals and approve again.`,
        );
      }
    }
    await tx
      .update(paymentRuns)
      .set({ status: 'approved', approvedBy: access.actor.userId, approvedAt: new Date() })
      .where(and(eq(paymentRuns.id, runId), eq(paymentRuns.status, 'planned')));
    await audit(tx, 'allowed', { ...detail, approvedBy: access.actor.userId, twoPersonApproval: twoPeople });
    return { run: found, refused: false };
  });
  if (decided.refused) throw Problem.forbidden(SAME_PERSON_REFUSAL);
  return decided.run;
}

export interface PostOptions {
  /** Agreements per batch: each batch posts every payment due to that many agreements (~one each per cycle). */
  batchSize?: number;
  /** Called after each committed batch that posted something; the fault test uses it to report progress. */
  afterBatch?: (batch: number, posted: number) => Promise<void> | void;
  /** The totals the officer saw; refused if the plan has changed since (not checked on resume). */
  expected?: { count: number; total: number };
}

/**
 * Approves a run and posts it in batches of agreements, each batch one audited transaction
 * (see postSlice). The batches walk the agreements in id order, each planning only its own
 * slice, so a run costs a few statements per thousand payments. If the process dies
 * part-way, calling this again walks the slices again: what was posted has its period paid
 * and drops out, so only what is missing is posted; re-running a posted run does nothing.
 */
export async function approveAndPost(
  db: Db,
  access: CouncilAccess,
  runId: string,
  options: PostOptions = {},
) {
  const batchSize = options.batchSize ?? 1000;
  const run = await approveRun(db, access, runId, options.expected);
  if (run.status === 'posted') return { posted: 0, alreadyPosted: true };
  const poster = { authorityId: access.authorityId, userId: access.actor.userId };
  let posted = 0;
  let after: string | null = null;
  for (let batch = 0; ; batch++) {
    // One audit event per batch, about the run: filled in by the work before audited() records it.
    const detail: Record<string, unknown> = { runId, runDate: run.runDate, batch };
    const slice: SliceResult = await audited(
      db,
      access,
      'payments.run.batch',
      async (tx) => {
        const result = await postSlice(tx, poster, run, { after, limit: batchSize });
        Object.assign(detail, { agreements: result.agreements, payments: result.posted, sent: result.sent });
        return result;
      },
      detail,
    );
    posted += slice.posted;
    if (slice.posted > 0) await options.afterBatch?.(batch, posted);
    if (slice.agreements < batchSize) break;
    after = slice.lastAgreementId;
  }
  await audited(
    db,
    access,
    'payments.run.posted',
    async (tx) => {
      await tx
        .update(paymentRuns)
        .set({ status: 'posted', postedAt: new Date() })
        .where(and(eq(paymentRuns.id, runId), inArray(paymentRuns.status, ['planned', 'approved'])));
    },
    { runId, runDate: run.runDate, postedNow: posted },
  );
  return { posted, alreadyPosted: false };
}

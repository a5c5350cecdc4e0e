import type { PersonAccess } from '../../../platform/auth/access.ts';
import { audited } from '../../../platform/audit/index.ts';
import type { Db, Tx } from '../../../platform/db/client.ts';
import { compareDates, isIsoDate } from '../../../platform/dates.ts';
import { type FieldError, Problem } from '../../../platform/http/problem.ts';
import { currentContribution } from '../../charging/index.ts';
import { agreementOf } from './service.ts';
import { applyContributionChange, changesOf, lockPayments, planChangeFrom } from '../corrections/service.ts';
import { currentChanges } from '../corrections/rules.ts';
import { dpPayments } from '../schema.ts';
import { eq } from 'drizzle-orm';

export interface AgreementChangeInput {
  effectiveFrom: string;
  reason: string;
  /** To correct a change: the id of the current change from that date (the concurrency token). */
  supersedes?: string | null;
}

function check(input: AgreementChangeInput) {
  const errors: FieldError[] = [];
  if (!isIsoDate(input.effectiveFrom))
    errors.push({ field: 'effectiveFrom', message: 'Enter a real date for the change' });
  if (!input.reason.trim())
    errors.push({
      field: 'reason',
      message: input.supersedes ? 'Say why the change is being corrected' : 'Say why the payment is changing',
    });
  if (errors.length) throw Problem.invalid(errors);
}

/**
 * The latest agreed plan and contribution applied from a date, worked out without writing:
 * refused before the agreement starts, or inside a paid period unless it corrects the change
 * from that date (then the paid periods are put right in the ledger). A second change for a
 * date is a correction of the first: it must name it (`supersedes`), and a stale name is 409.
 */
async function planAgreementChange(tx: Tx, access: PersonAccess, input: AgreementChangeInput) {
  const agreement = await agreementOf(tx, access.personId);
  if (!agreement) throw Problem.notFound('Direct-payment agreement');
  if (compareDates(input.effectiveFrom, agreement.startDate) <= 0)
    throw Problem.invalid([
      { field: 'effectiveFrom', message: 'A change must take effect after the agreement starts' },
    ]);
  const changes = await changesOf(tx, agreement.id);
  const atDate = currentChanges(changes).find((c) => c.effectiveFrom === input.effectiveFrom);
  if (input.supersedes) {
    if (atDate?.id !== input.supersedes)
      throw Problem.conflict(
        'The change you are correcting is not the current change from this date. Look at the payment again.',
      );
  } else if (atDate) {
    throw new Problem(
      409,
      'There is already a change from this date',
      'There is already a change from this date. To correct it, supersede it and say why.',
      [{ field: 'effectiveFrom', message: 'There is already a change from this date' }],
    );
  } else {
    const paid = await tx
      .select({ periodEnd: dpPayments.periodEnd })
      .from(dpPayments)
      .where(eq(dpPayments.agreementId, agreement.id));
    if (paid.some((p) => compareDates(p.periodEnd, input.effectiveFrom) >= 0))
      throw Problem.invalid([
        {
          field: 'effectiveFrom',
          message:
            'A period from this date has already been paid. Choose a date after the last paid period, or correct the change from that date.',
        },
      ]);
  }
  const contribution = await currentContribution(tx, access.personId);
  const weekly = contribution?.weekly ?? 0;
  return planChangeFrom(tx, access.personId, agreement, changes, input.effectiveFrom, weekly, weekly);
}

/** What the change would do (old → new payment per period, paid periods put right); nothing saved. */
export async function previewAgreementChange(db: Db, access: PersonAccess, input: AgreementChangeInput) {
  check(input);
  return audited(db, access, 'payments.agreement.preview', (tx) => planAgreementChange(tx, access, input));
}

/** Saves the change exactly as previewed, under the payments lock, with any corrections. */
export async function changeAgreement(db: Db, access: PersonAccess, input: AgreementChangeInput) {
  check(input);
  return audited(
    db,
    access,
    'payments.agreement.change',
    async (tx) => {
      await lockPayments(tx, access.authorityId);
      const plan = await planAgreementChange(tx, access, input);
      const change = await applyContributionChange(tx, access, plan, {
        assessmentId: null,
        reason: input.reason.trim(),
      });
      return { change: change!, effect: plan.effect };
    },
    input.supersedes ? { supersedes: input.supersedes } : undefined,
  );
}

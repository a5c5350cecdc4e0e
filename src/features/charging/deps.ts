import type { PersonAccess } from '../../platform/auth/access.ts';
import type { Tx } from '../../platform/db/client.ts';
import type { IsoDate } from '../../platform/dates.ts';

/** A new weekly contribution, from a date, as an assessment would set it. */
export interface ContributionChange {
  weeklyBefore: number | null;
  weeklyAfter: number;
  effectiveFrom: IsoDate;
  /** The assessment this one corrects, if it is a correction. */
  supersedesAssessmentId: string | null;
}

/** What charging needs to know of any effect: the date and old → new contribution. */
export interface ContributionEffectShape {
  from: IsoDate;
  weeklyContribution: { before: number | null; after: number };
}

/**
 * What a contribution change does to the person's payments, supplied by the payments feature
 * (which is built on charging: it reads the contribution charging works out). Charging hands
 * an assessment's new contribution to it and shows the effect it answers, so charging imports
 * nothing from payments and the two features form no cycle. The composition root
 * (src/features/services.ts) builds charging's services with payments' implementation.
 *
 * `Plan` is payments' own record of the change, opaque here: charging only hands back to
 * `apply` what `plan` answered, in the same transaction.
 */
export interface ContributionPayments<Plan, Effect extends ContributionEffectShape> {
  /** Holds the council's payments lock, so no payment run posts between working out and saving. */
  lock(tx: Tx, authorityId: string): Promise<void>;
  /** The effect on the person's payments (old → new, periods put right), and what `apply` needs. */
  plan(tx: Tx, personId: string, change: ContributionChange): Promise<{ effect: Effect; plan: Plan | null }>;
  /** Saves the change `plan` worked out; answers the date the agreement changes from, if it does. */
  apply(
    tx: Tx,
    access: PersonAccess,
    plan: Plan,
    note: { assessmentId: string; reason: string },
  ): Promise<{ effectiveFrom: IsoDate } | null>;
}

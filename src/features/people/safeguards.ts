import { and, asc, eq } from 'drizzle-orm';
import { may, type PersonAccess } from '../../platform/auth/access.ts';
import { audited } from '../../platform/audit/index.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates.ts';
import { Problem } from '../../platform/http/problem.ts';
import { legalOrders, supportOffers } from './schema.ts';
import { findPerson } from './store.ts';
import { type AskedStage, type StageSupport, stageSupportFrom } from './support-stages.ts';
import {
  blankToNull,
  checkLegalOrder,
  checkSupportOffer,
  type LegalOrderInput,
  type SupportOfferInput,
} from './validate.ts';

/** Advocacy and communication support offered at a stage, and the answer. */
export async function addSupportOffer(db: Db, access: PersonAccess, raw: SupportOfferInput) {
  const input = {
    ...raw,
    provider: blankToNull(raw.provider),
    reason: blankToNull(raw.reason ?? null),
    notes: blankToNull(raw.notes),
  };
  const errors = checkSupportOffer(input, todayInLondon());
  if (errors.length) throw Problem.invalid(errors);
  return audited(db, access, 'support_offer.record', async (tx) => {
    if (!(await findPerson(tx, access.personId))) throw Problem.notFound('Person');
    const [saved] = await tx
      .insert(supportOffers)
      .values({
        ...input,
        authorityId: access.authorityId,
        personId: access.personId,
        createdBy: access.actor.userId,
      })
      .returning({ id: supportOffers.id });
    return { id: saved!.id };
  });
}

/** A legal order whose conditions bind choices: recorded as non-negotiables, never mixed with choices. */
export async function addLegalOrder(db: Db, access: PersonAccess, raw: LegalOrderInput) {
  const input = {
    ...raw,
    reference: blankToNull(raw.reference),
    madeBy: blankToNull(raw.madeBy),
    endDate: blankToNull(raw.endDate),
    nonNegotiables: raw.nonNegotiables.map((n) => n.trim()).filter(Boolean),
  };
  const errors = checkLegalOrder(input);
  if (errors.length) throw Problem.invalid(errors);
  return audited(db, access, 'legal_order.record', async (tx) => {
    if (!(await findPerson(tx, access.personId))) throw Problem.notFound('Person');
    const [saved] = await tx
      .insert(legalOrders)
      .values({
        ...input,
        authorityId: access.authorityId,
        personId: access.personId,
        createdBy: access.actor.userId,
      })
      .returning({ id: legalOrders.id });
    return { id: saved!.id };
  });
}

/**
 * The non-negotiables in force today, for other features (the support plan shows them
 * apart from the person's choices). Runs in the caller's audited transaction.
 */
export async function currentNonNegotiables(
  tx: Parameters<Parameters<Db['transaction']>[0]>[0],
  personId: string,
) {
  const today = todayInLondon();
  const orders = await tx.select().from(legalOrders).where(eq(legalOrders.personId, personId));
  return orders
    .filter((o) => o.startDate <= today && (!o.endDate || o.endDate >= today))
    .map((o) => ({ orderId: o.id, kind: o.kind, reference: o.reference, conditions: o.nonNegotiables }));
}

/**
 * The offers recorded for one stage, for a stage page: one query, in the caller's audited
 * transaction (the page's one GET transaction), so the read is part of that page's visit.
 */
export async function stageSupport(tx: Tx, access: PersonAccess, stage: AskedStage): Promise<StageSupport> {
  const { personId } = access;
  const found = await tx
    .select({
      id: supportOffers.id,
      kind: supportOffers.kind,
      stage: supportOffers.stage,
      response: supportOffers.response,
      provider: supportOffers.provider,
      reason: supportOffers.reason,
      offeredOn: supportOffers.offeredOn,
    })
    .from(supportOffers)
    .where(and(eq(supportOffers.personId, personId), eq(supportOffers.stage, stage)))
    .orderBy(asc(supportOffers.offeredOn), asc(supportOffers.createdAt));
  return stageSupportFrom(personId, stage, found, todayInLondon(), may(access, 'case.write'));
}

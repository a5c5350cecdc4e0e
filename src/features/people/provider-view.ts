import { and, eq, gt, gte, isNull, lte, or } from 'drizzle-orm';
import type { PersonAccess } from '../../platform/auth/access.ts';
import { audited } from '../../platform/audit/index.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import { todayInLondon } from '../../platform/dates.ts';
import { Problem } from '../../platform/http/problem.ts';
import { latestAgreedPlan } from '../plans/index.ts';
import { type ProviderPart, type ProviderPerson, providerPart, providerPerson } from './provider-part.ts';
import { personRelationships } from './schema.ts';
import { findPerson } from './store.ts';

export interface ProviderView {
  person: ProviderPerson;
  /** The agreed plan the provider's part comes from; null before one is agreed. */
  plan: { version: number; agreedOn: string | null } | null;
  part: ProviderPart;
}

/**
 * A provider's view of a person (`service.read`): the person's names and how to reach
 * them, and its own part of the agreed plan (provider-part.ts), in one audited read.
 * Nothing here reads the record's other parts, so nothing else can leak into the view.
 */
export async function providerView(db: Db, access: PersonAccess): Promise<ProviderView> {
  return audited(db, access, 'service.read', async (tx) => {
    const person = await findPerson(tx, access.personId);
    if (!person) throw Problem.notFound('Person');
    const plan = await latestAgreedPlan(tx, access.personId);
    return {
      person: providerPerson(person),
      plan: plan ? { version: plan.version, agreedOn: plan.decidedOn } : null,
      part: providerPart(plan?.content ?? null, access.actor.userId),
    };
  });
}

/** The provider accounts working with a person today: who a plan line may name as giving it. */
export async function providersOf(tx: Tx, personId: string): Promise<Set<string>> {
  const today = todayInLondon();
  const found = await tx
    .select({ userId: personRelationships.userId })
    .from(personRelationships)
    .where(
      and(
        eq(personRelationships.personId, personId),
        eq(personRelationships.kind, 'provider'),
        lte(personRelationships.validFrom, today),
        or(isNull(personRelationships.validTo), gte(personRelationships.validTo, today)),
        or(isNull(personRelationships.consentWithdrawnOn), gt(personRelationships.consentWithdrawnOn, today)),
      ),
    );
  return new Set(found.map((r) => r.userId));
}

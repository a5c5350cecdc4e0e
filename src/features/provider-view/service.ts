import type { PersonAccess } from '../../platform/auth/access.ts';
import { audited } from '../../platform/audit/index.ts';
import type { Db } from '../../platform/db/client.ts';
import { Problem } from '../../platform/http/problem.ts';
import { latestAgreedPlan } from '../plans/index.ts';
import { findPerson } from '../people/index.ts';
import { type ProviderPart, type ProviderPerson, providerPart, providerPerson } from './rules.ts';

export interface ProviderView {
  person: ProviderPerson;
  /** The agreed plan the provider's part comes from; null before one is agreed. */
  plan: { version: number; agreedOn: string | null } | null;
  part: ProviderPart;
}

/**
 * A provider's view of a person (`service.read`): the person's names and how to reach
 * them, and its own part of the agreed plan (rules.ts), in one audited read.
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

/** The provider view's services, bound to the database once (src/features/services.ts). */
export const providerViewServices = (db: Db) => ({
  view: (access: PersonAccess) => providerView(db, access),
});

import { and, asc, eq, ne } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { personalOutcomes } from './schema.ts';

/**
 * Read access to a person's outcomes for other features (budgets cost them, plans say how
 * each is met, SDS option choices are made per outcome). Runs inside the caller's audited
 * transaction: the caller has already been allowed to read the record.
 */
export interface OutcomeSummary {
  id: string;
  personWords: string;
  professionalView: string | null;
  area: string;
  priority: number;
  status: string;
}

export async function listCurrentOutcomes(tx: Tx, personId: string): Promise<OutcomeSummary[]> {
  return tx
    .select({
      id: personalOutcomes.id,
      personWords: personalOutcomes.personWords,
      professionalView: personalOutcomes.professionalView,
      area: personalOutcomes.area,
      priority: personalOutcomes.priority,
      status: personalOutcomes.status,
    })
    .from(personalOutcomes)
    .where(and(eq(personalOutcomes.personId, personId), ne(personalOutcomes.status, 'ended')))
    .orderBy(asc(personalOutcomes.priority), asc(personalOutcomes.createdAt));
}

import { and, asc, eq, ne } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { findPerson } from '../people/index.ts';
import { type AttributedWords, attributionLine } from './attribution.ts';
import { personalOutcomes } from './schema.ts';
import { typedBy } from './rules.ts';

/**
 * Read access to a person's outcomes for other features (budgets cost them, plans say how
 * each is met, SDS option choices are made per outcome). Runs inside the caller's audited
 * transaction: the caller has already been allowed to read the record. Each outcome says
 * whose words it holds, so nobody shows them as the person's own when someone else said them.
 */
export interface OutcomeSummary extends AttributedWords {
  id: string;
  personWords: string;
  professionalView: string | null;
  area: string;
  priority: number;
  status: string;
  /** Who said the words and who typed them, in words ("Said by Callum · typed by Sam Okafor (social worker)"). */
  attribution: string;
}

export async function listCurrentOutcomes(tx: Tx, personId: string): Promise<OutcomeSummary[]> {
  const person = await findPerson(tx, personId);
  const name = person?.preferredName ?? person?.legalName ?? 'the person';
  const found = await tx
    .select({
      id: personalOutcomes.id,
      personWords: personalOutcomes.personWords,
      saidBy: personalOutcomes.saidBy,
      saidByName: personalOutcomes.saidByName,
      wordsTypedByName: personalOutcomes.wordsTypedByName,
      wordsTypedByRole: personalOutcomes.wordsTypedByRole,
      professionalView: personalOutcomes.professionalView,
      area: personalOutcomes.area,
      priority: personalOutcomes.priority,
      status: personalOutcomes.status,
    })
    .from(personalOutcomes)
    .where(and(eq(personalOutcomes.personId, personId), ne(personalOutcomes.status, 'ended')))
    .orderBy(asc(personalOutcomes.priority), asc(personalOutcomes.createdAt));
  return found.map(({ wordsTypedByName, wordsTypedByRole, ...o }) => {
    const words = { ...o, typedBy: typedBy(wordsTypedByName, wordsTypedByRole) };
    return { ...words, attribution: attributionLine(words, name) };
  });
}

import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client.ts';
import { Problem } from '../../platform/http/problem.ts';
import { people } from './schema.ts';

/**
 * The few facts about a person that eligibility and budget pages show (name, crisis flag),
 * read inside the caller's audited transaction. The people feature owns the record.
 */
export interface PersonHeading {
  id: string;
  name: string;
  legalName: string;
  crisis: boolean;
  crisisReason: string | null;
  /** Codes from COMMUNICATION_NEEDS: a page opens in Easy Read when they include 'easy_read'. */
  communicationNeeds: string[];
}

export async function personHeading(tx: Executor, personId: string): Promise<PersonHeading> {
  const [row] = await tx
    .select({
      id: people.id,
      legalName: people.legalName,
      preferredName: people.preferredName,
      crisis: people.crisis,
      crisisReason: people.crisisReason,
      communicationNeeds: people.communicationNeeds,
    })
    .from(people)
    .where(and(eq(people.id, personId)))
    .limit(1);
  if (!row) throw Problem.notFound('Person');
  return {
    id: row.id,
    name: row.preferredName ? `${row.legalName} (${row.preferredName})` : row.legalName,
    legalName: row.legalName,
    crisis: row.crisis,
    crisisReason: row.crisisReason,
    communicationNeeds: row.communicationNeeds,
  };
}

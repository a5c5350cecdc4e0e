import { asc, desc, eq } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client.ts';
import { sdsOptionChoices, sdsOptionsVersions } from '../schema.ts';

export type OptionsVersionRow = typeof sdsOptionsVersions.$inferSelect;

/** Every version of the council's options settings, drafts included, oldest first. */
export function allOptionsVersions(tx: Executor): Promise<OptionsVersionRow[]> {
  return tx
    .select()
    .from(sdsOptionsVersions)
    .orderBy(asc(sdsOptionsVersions.effectiveFrom), asc(sdsOptionsVersions.createdAt));
}

export async function optionsVersion(tx: Executor, id: string): Promise<OptionsVersionRow | undefined> {
  const [row] = await tx.select().from(sdsOptionsVersions).where(eq(sdsOptionsVersions.id, id));
  return row;
}

/** Each outcome's current choice (its newest version): what a withdrawn route would leave standing. */
export function currentChoices(tx: Executor) {
  return tx
    .selectDistinctOn([sdsOptionChoices.outcomeId], {
      outcomeId: sdsOptionChoices.outcomeId,
      deploymentRoute: sdsOptionChoices.deploymentRoute,
    })
    .from(sdsOptionChoices)
    .orderBy(sdsOptionChoices.outcomeId, desc(sdsOptionChoices.version));
}

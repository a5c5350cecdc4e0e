import { and, asc, count, eq, gt, like, notLike, sql } from 'drizzle-orm';
import { COMMAND_ACTOR, recordAudit } from '../../../platform/audit/index.ts';
import type { Db } from '../../../platform/db/client.ts';
import { inTenant, rows } from '../../../platform/db/transaction.ts';
import { dpAgreements } from '../schema.ts';
import { type BankKeys, BankDetailsUnreadable, decryptBankDetails, encryptBankDetails } from './crypto.ts';

/**
 * Every column that holds sealed bank details. A feature that stores bank details in another
 * table adds it here, so `selfdirect rotate-data-key` moves it onto the current key as well.
 */
const SEALED = [
  { name: 'dp_agreements', table: dpAgreements, id: dpAgreements.id, column: dpAgreements.bankDetails },
];

export interface ResealCounts {
  /** Re-sealed under the current key. */
  resealed: number;
  /** Under the current key without this run re-sealing them (already, or written meanwhile). */
  alreadyCurrent: number;
  /** Changed by someone else between reading and writing: left as they wrote it (their value is current). */
  changedMeanwhile: number;
  /** Not readable with the configured keys (a removed key, changed text, or never sealed). */
  unreadable: number;
}

export interface CouncilReseal extends ResealCounts {
  authorityId: string;
  name: string;
}

/**
 * Re-seal every stored bank detail that is not under the current data key, council by council,
 * in batches of `batchSize` rows: each batch is one short transaction confined to the council,
 * and each row is written only if it still holds the text read (`where bank_details = old`), so a
 * concurrent change (new bank details typed while this runs) is never overwritten and the app
 * keeps running. Run again, it finds nothing to do. Each council with rows re-sealed gets one
 * audit row saying so in plain words (nobody read the details: they were opened and sealed again).
 */
export async function resealBankDetails(
  db: Db,
  keys: BankKeys,
  options: { batchSize?: number; onBatch?: (council: string, counts: ResealCounts) => void } = {},
): Promise<CouncilReseal[]> {
  const batchSize = options.batchSize ?? 500;
  const councils = await rows<{ id: string; name: string }>(
    db,
    sql`select id, name from authorities order by name, id`,
  );
  const current = `v2:${keys.current.id}:%`;
  const results: CouncilReseal[] = [];
  for (const council of councils) {
    const counts: ResealCounts = { resealed: 0, alreadyCurrent: 0, changedMeanwhile: 0, unreadable: 0 };
    for (const sealed of SEALED) {
      let after = '';
      for (;;) {
        const batch = await inTenant(db, council.id, async (tx) => {
          const found = await tx
            .select({ id: sealed.id, value: sealed.column })
            .from(sealed.table)
            .where(
              and(
                gt(sealed.id, after || '00000000-0000-0000-0000-000000000000'),
                notLike(sealed.column, current),
              ),
            )
            .orderBy(asc(sealed.id))
            .limit(batchSize);
          for (const row of found) {
            let details: ReturnType<typeof decryptBankDetails>;
            try {
              details = decryptBankDetails(row.value, keys);
            } catch (error) {
              if (!(error instanceof BankDetailsUnreadable)) throw error;
              counts.unreadable++;
              continue;
            }
            const written = await tx
              .update(sealed.table)
              .set({ bankDetails: encryptBankDetails(details, keys) })
              .where(and(eq(sealed.id, row.id), eq(sealed.column, row.value)))
              .returning({ id: sealed.id });
            if (written.length) counts.resealed++;
            else counts.changedMeanwhile++;
          }
          return found;
        });
        options.onBatch?.(council.name, counts);
        if (batch.length < batchSize) break;
        after = batch.at(-1)!.id;
      }
      const [under] = await inTenant(db, council.id, (tx) =>
        tx.select({ n: count() }).from(sealed.table).where(like(sealed.column, current)),
      );
      counts.alreadyCurrent += Math.max(0, (under?.n ?? 0) - counts.resealed);
    }
    if (counts.resealed > 0)
      await inTenant(db, council.id, (tx) =>
        recordAudit(tx, {
          actor: COMMAND_ACTOR,
          authorityId: council.id,
          personId: null,
          action: 'payments.bank_details.reseal',
          route: 'selfdirect rotate-data-key',
          outcome: 'allowed',
          detail: { keyId: keys.current.id, ...counts },
        }),
      );
    results.push({ authorityId: council.id, name: council.name, ...counts });
  }
  return results;
}

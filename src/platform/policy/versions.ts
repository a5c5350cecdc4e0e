import { users } from '../auth/schema.ts';
import type { Executor } from '../db/client.ts';
import { addDays, type IsoDate } from '../dates.ts';

/**
 * What every versioned council policy shares (budget, charging, eligibility, SDS options,
 * direct-payment settings): drafts and published versions in one append-only table, each
 * published version running from its date until the day before the next, and the names of
 * who drafted and who published it. Each feature keeps its own table and content; this is
 * the timeline and the names, written once.
 */
export interface PolicyVersionRow {
  id: string;
  status: 'draft' | 'published';
  effectiveFrom: IsoDate | string;
  /** On a published row made from a draft: that draft. */
  draftId: string | null;
}

/** The staff of the transaction's council by id (row-level security keeps it to that council). */
export async function staffNames(tx: Executor): Promise<(id: string | null) => string | null> {
  const found = await tx.select({ id: users.id, name: users.displayName }).from(users);
  const names = new Map(found.map((u) => [u.id, u.name]));
  return (id) => (id ? (names.get(id) ?? null) : null);
}

/**
 * For each row (oldest first, as the stores return them): the last day a published version is
 * in force (the day before the next published one starts; null while none follows) and, for a
 * draft, the published version made from it.
 */
export function versionTimeline<R extends PolicyVersionRow>(
  all: readonly R[],
): (row: R) => { effectiveTo: string | null; publishedAsId: string | null } {
  const published = all.filter((v) => v.status === 'published');
  return (row) => {
    const next = published.find((p) => p.effectiveFrom > row.effectiveFrom);
    return {
      effectiveTo: row.status === 'published' && next ? addDays(next.effectiveFrom as IsoDate, -1) : null,
      publishedAsId: all.find((p) => p.draftId === row.id)?.id ?? null,
    };
  };
}

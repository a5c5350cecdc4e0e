import type { PersonAccess } from '../../platform/auth/access.ts';
import type { Db, Tx } from '../../platform/db/client.ts';
import type { FeatureDeps } from '../index.ts';

/** Where a person's crisis money stands: an interim budget not yet regularised. */
export interface InterimStatus {
  /** An interim budget is in force today and not yet regularised by a full decision. */
  current: boolean;
  /** The latest expiry date passed with the interim budget still not regularised, if any. */
  expiredOn: string | null;
}

/** Interim status for a page of people, in one query inside the caller's transaction. */
export type InterimStatusLookup = (
  tx: Tx,
  personIds: readonly string[],
  today: string,
) => Promise<Map<string, InterimStatus>>;

/** The person's current outcomes, split by whose words they are, with the outcome areas' labels. */
export interface RecordOutcomes {
  outcomes: object[];
  own: object[];
  others: object[];
  areas: { code: string; label: string; plainLabel: string }[];
}

/**
 * What the people feature shows but does not own, handed in by the feature list
 * (src/features/index.ts) from the features built on people. So people imports no other
 * feature, and every other feature may import people.
 */
export interface PeopleDeps extends FeatureDeps {
  /** conversations' `recordOutcomes`: the outcomes the record shows (an audited read). */
  recordOutcomes: (db: Db, access: PersonAccess, name: string) => Promise<RecordOutcomes>;
  /** conversations' `ownWordsOf`: the latest things the person said in their own words (an audited read). */
  ownWordsOf: (db: Db, access: PersonAccess, name: string) => Promise<object[]>;
}

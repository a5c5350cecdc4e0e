import { COUNCIL_LOCALITIES, NATION_LOCALITIES } from './vocab.ts';

export const SCALE_NAMES = ['tiny', 'council', 'nation'] as const;
export type ScaleName = (typeof SCALE_NAMES)[number];

export interface Scale {
  name: ScaleName;
  people: number;
  /** How far back cases, plans and direct-payment ledger history go. */
  historyYears: number;
  localities: readonly string[];
}

/**
 * tiny is for tests (about a thousand people); council is a large Scottish council (about
 * 100k people and 5M ledger rows); nation is every council on one service (about 250k
 * people and 30M ledger rows, meant for PostgreSQL).
 */
export const SCALES: Record<ScaleName, Scale> = {
  tiny: { name: 'tiny', people: 1_000, historyYears: 3, localities: COUNCIL_LOCALITIES.slice(0, 4) },
  council: { name: 'council', people: 100_000, historyYears: 8, localities: COUNCIL_LOCALITIES },
  nation: { name: 'nation', people: 250_000, historyYears: 16, localities: NATION_LOCALITIES },
};

export function isScaleName(value: string): value is ScaleName {
  return (SCALE_NAMES as readonly string[]).includes(value);
}

import { ASKED_STAGES, labelOf, SUPPORT_KINDS, SUPPORT_STAGES } from '../people/index.ts';
import type { AdvocacyCell } from './query.ts';
import { SMALL_CELL } from './small-numbers.ts';

/**
 * The advocacy report's arithmetic (pure): independent advocacy and communication support
 * offered, and taken up, at each stage of the journey. Each figure counts people by their
 * latest answer for a stage and kind (so a stage's row can count one person once for advocacy
 * and once for communication support).
 *
 * Small numbers are handled as the equity report handles them: a figure from 1 to
 * SMALL_CELL − 1 people is not shown, and a row whose answers number that few shows nothing.
 * The figures of a row add up (answers = offered + not offered; offered = accepted + declined
 * + waiting), so one hidden figure could be worked out from the others: when any of them is
 * hidden, all five are, and the take-up with them; only the number of answers stays.
 */
/** A figure, or null when it is hidden because it is, or would give away, fewer than 5 people. */
export type Shown = number | null;

export interface AdvocacyRow {
  stage: string;
  /** null: every kind of support at this stage. */
  kind: string | null;
  label: string;
  answers: Shown;
  offered: Shown;
  accepted: Shown;
  declined: Shown;
  waiting: Shown;
  notOffered: Shown;
  /** Accepted as a whole percent of offered; null when hidden or when nothing was offered. */
  takeUpPercent: Shown;
  /** Fewer than 5 answers: nothing in the row is shown. */
  suppressed: boolean;
  /** Some figures hidden so that none can be worked out from the others. */
  partlyHidden: boolean;
}

const isSmall = (n: number) => n > 0 && n < SMALL_CELL;

/** One row of the report from its cell, with small numbers hidden. */
export function shapeAdvocacyRow(cell: AdvocacyCell, stage: string, kind: string | null, label: string) {
  const parts = [cell.offered, cell.notOffered, cell.accepted, cell.declined, cell.waiting];
  const suppressed = isSmall(cell.people);
  const partlyHidden = !suppressed && parts.some(isSmall);
  const hide = suppressed || partlyHidden;
  const figure = (n: number): Shown => (hide ? null : n);
  return {
    stage,
    kind,
    label,
    answers: suppressed ? null : cell.people,
    offered: figure(cell.offered),
    accepted: figure(cell.accepted),
    declined: figure(cell.declined),
    waiting: figure(cell.waiting),
    notOffered: figure(cell.notOffered),
    takeUpPercent: hide || cell.offered === 0 ? null : Math.round((cell.accepted * 100) / cell.offered),
    suppressed,
    partlyHidden,
  } satisfies AdvocacyRow;
}

const EMPTY = { people: 0, offered: 0, accepted: 0, declined: 0, waiting: 0, notOffered: 0 };

export interface AdvocacyStage {
  stage: string;
  label: string;
  /** The page asks at this stage until an answer is recorded (eligibility, budget, options, plan). */
  asked: boolean;
  total: AdvocacyRow;
  byKind: AdvocacyRow[];
}

/**
 * Every stage in journey order (with zeros where nothing is recorded), each with its total and
 * one row per kind; and everyone's total. Stages not in the list (old rows) come last, by code.
 */
export function advocacyTables(cells: readonly AdvocacyCell[]): {
  stages: AdvocacyStage[];
  total: AdvocacyRow;
} {
  const cellFor = (stage: string | null, kind: string | null): AdvocacyCell =>
    cells.find((c) => c.stage === stage && c.kind === kind) ?? { stage, kind, ...EMPTY };
  const known = Object.keys(SUPPORT_STAGES);
  const extra = [...new Set(cells.map((c) => c.stage).filter((s): s is string => !!s && !known.includes(s)))];
  const stages = [...known, ...extra.sort()].map((stage) => ({
    stage,
    label: labelOf(SUPPORT_STAGES, stage),
    asked: (ASKED_STAGES as readonly string[]).includes(stage),
    total: shapeAdvocacyRow(cellFor(stage, null), stage, null, 'All support'),
    byKind: Object.keys(SUPPORT_KINDS).map((kind) =>
      shapeAdvocacyRow(cellFor(stage, kind), stage, kind, labelOf(SUPPORT_KINDS, kind)),
    ),
  }));
  return { stages, total: shapeAdvocacyRow(cellFor(null, null), 'all', null, 'Every stage') };
}

import { ETHNICITY, labelOf, SEX } from '../people/index.ts';
import { NOT_RECORDED } from '../budgets/index.ts';
import type { CouncilAccess } from '../../platform/auth/access.ts';
import { audited } from '../../platform/audit/index.ts';
import type { Db } from '../../platform/db/client.ts';
import { type IsoDate, todayInLondon } from '../../platform/dates.ts';
import { AGE_BANDS } from '../../platform/age-bands.ts';
import { advocacyCells, type Dimension, DIMENSIONS, type EquityCell, equityCells } from './query.ts';
import { advocacyTables } from './advocacy.ts';

import { SMALL_CELL } from './small-numbers.ts';

export { SMALL_CELL };

export const DIMENSION_LABELS: Record<Dimension, string> = {
  client_group: 'Client group',
  age_band: 'Age',
  ethnicity: 'Ethnic group',
  sex: 'Sex',
  locality: 'Area',
};

export const SPEND_BASIS =
  'Weekly spend is the sum of the weekly cost lines in each person’s latest agreed support plan, across all four options. A person is counted under an option when at least one line of their plan uses it, so option figures can add up to more than the number of people.';
export const SUPPRESSION_NOTE = `Where fewer than ${SMALL_CELL} people are in a group, or use an option, the figure is not shown, so that nobody can be recognised.`;

/** A figure, or null when it is hidden because fewer than SMALL_CELL people are behind it. */
export type Shown = number | null;

export interface EquityRow {
  value: string;
  label: string;
  people: Shown;
  options: { 1: Shown; 2: Shown; 3: Shown; 4: Shown };
  /** Share of the group using each option, in whole percent. */
  optionPercent: { 1: Shown; 2: Shown; 3: Shown; 4: Shown };
  weeklySpend: Shown;
  averageWeeklySpend: Shown;
  suppressed: boolean;
}

export interface EquityReport {
  asOf: IsoDate;
  total: EquityRow;
  dimensions: { dimension: Dimension; label: string; rows: EquityRow[] }[];
  basis: string;
  suppression: string;
}

const hideSmall = (count: number): Shown => (count > 0 && count < SMALL_CELL ? null : count);

/** Hides every figure of a small group, and any option count that is small on its own. */
export function shapeRow(cell: EquityCell, value: string, label: string): EquityRow {
  const suppressed = cell.people < SMALL_CELL;
  const option = (n: number): Shown => (suppressed ? null : hideSmall(n));
  const percent = (n: number): Shown => {
    const shown = option(n);
    return shown === null ? null : Math.round((shown * 100) / cell.people);
  };
  return {
    value,
    label,
    people: suppressed ? null : cell.people,
    options: {
      1: option(cell.option1),
      2: option(cell.option2),
      3: option(cell.option3),
      4: option(cell.option4),
    },
    optionPercent: {
      1: percent(cell.option1),
      2: percent(cell.option2),
      3: percent(cell.option3),
      4: percent(cell.option4),
    },
    weeklySpend: suppressed ? null : cell.weeklySpend,
    averageWeeklySpend: suppressed ? null : Math.round(cell.weeklySpend / cell.people),
    suppressed,
  };
}

function labelFor(dimension: Dimension, cell: EquityCell): string {
  if (cell.value === null) return NOT_RECORDED;
  if (dimension === 'client_group') return cell.label ?? cell.value;
  if (dimension === 'ethnicity') return labelOf(ETHNICITY, cell.value);
  if (dimension === 'sex') return labelOf(SEX, cell.value);
  return cell.value;
}

const order = (dimension: Dimension) => (a: EquityRow, b: EquityRow) => {
  if (a.value === '') return 1;
  if (b.value === '') return -1;
  if (dimension === 'age_band')
    return AGE_BANDS.indexOf(a.value as never) - AGE_BANDS.indexOf(b.value as never);
  return a.label.localeCompare(b.label, 'en-GB');
};

/**
 * Who gets which option, and how much, by group: aggregates only, small cells hidden.
 * Audited like every read, so an analyst's queries are in the council's log.
 */
export async function equityReport(
  db: Db,
  access: CouncilAccess,
  asOf = todayInLondon(),
): Promise<EquityReport> {
  const cells = await audited(
    db,
    access,
    'reports.equity.read',
    (tx) => equityCells(tx, access.authorityId, asOf),
    { asOf },
  );
  const allCell = cells.find((c) => c.dimension === 'all') ?? {
    dimension: 'all' as const,
    value: null,
    label: null,
    people: 0,
    option1: 0,
    option2: 0,
    option3: 0,
    option4: 0,
    weeklySpend: 0,
  };
  return {
    asOf,
    total: shapeRow(allCell, 'all', 'Everyone'),
    dimensions: DIMENSIONS.map((dimension) => ({
      dimension,
      label: DIMENSION_LABELS[dimension],
      rows: cells
        .filter((c) => c.dimension === dimension)
        .map((c) => shapeRow(c, c.value ?? '', labelFor(dimension, c)))
        .sort(order(dimension)),
    })),
    basis: SPEND_BASIS,
    suppression: SUPPRESSION_NOTE,
  };
}

export const ADVOCACY_BASIS =
  'Each figure counts people by the latest answer recorded for them at a stage, for each kind of support: offered and accepted, offered and declined, offered and waiting for an answer, or not offered (with the reason on their record). Take-up is the share of those offered who accepted. A stage’s row adds the two kinds together, so one person can be counted once for each.';
export const ADVOCACY_SUPPRESSION = `Where fewer than ${SMALL_CELL} people are behind a figure, it is not shown, so that nobody can be recognised. The figures in a row add up, so when one is hidden the others in that row are hidden too.`;

/**
 * Independent advocacy and communication support offered and taken up, by stage and kind:
 * aggregates only, small numbers hidden. One audited transaction, one query.
 */
export async function advocacyReport(db: Db, access: CouncilAccess) {
  const cells = await audited(db, access, 'reports.advocacy.read', (tx) =>
    advocacyCells(tx, access.authorityId),
  );
  return {
    asOf: todayInLondon(),
    ...advocacyTables(cells),
    basis: ADVOCACY_BASIS,
    suppression: ADVOCACY_SUPPRESSION,
  };
}

export type AdvocacyReport = Awaited<ReturnType<typeof advocacyReport>>;

/** The reports feature's services, bound to the database once (src/features/services.ts). */
export const reportServices = (db: Db) => ({
  equity: (access: CouncilAccess, asOf?: IsoDate) => equityReport(db, access, asOf),
  advocacy: (access: CouncilAccess) => advocacyReport(db, access),
});

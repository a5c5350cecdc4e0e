/**
 * Reading the cells of one row of an import file: each reader takes a column, returns the typed
 * value (or null) and, when the text is wrong, adds a problem naming the file, row and column.
 * A row's readers all run, so every problem in a row is reported at once. Pure.
 */
import { isIsoDate, type IsoDate } from '../dates.ts';
import type { ImportProblem } from './section.ts';

/** Several values in one cell are separated by semicolons: `bsl; easy_read`. */
export const LIST_SEPARATOR = ';';

const UK_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * A date as the old system wrote it: ISO (`2026-02-28`) or day/month/year (`28/02/2026`), to ISO;
 * null when it is not a real date (30 February) or not in either form.
 */
export function importDate(text: string): IsoDate | null {
  const trimmed = text.trim();
  if (isIsoDate(trimmed)) return trimmed;
  const uk = UK_DATE.exec(trimmed);
  if (!uk) return null;
  const iso = `${uk[3]}-${uk[2]!.padStart(2, '0')}-${uk[1]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

export interface CellReader {
  readonly problems: ImportProblem[];
  problem(column: string | null, message: string): void;
  /** Trimmed text, null when blank; `required` is the message when it must be there. */
  text(column: string, options?: { required?: string; max?: number }): string | null;
  date(column: string, options?: { required?: string }): IsoDate | null;
  /** One of a fixed list of codes (the template's guide lists them); null when blank. */
  code<Code extends string>(
    column: string,
    codes: Readonly<Record<Code, string>>,
    options?: { required?: string },
  ): Code | null;
  /** Codes separated by semicolons, each from the list; an empty cell is an empty list. */
  codes<Code extends string>(column: string, codes: Readonly<Record<Code, string>>): Code[];
  /** `yes` or `no` (also `y`/`n`, `true`/`false`); blank is `fallback`. */
  yesNo(column: string, fallback: boolean): boolean;
}

const YES = new Set(['yes', 'y', 'true']);
const NO = new Set(['no', 'n', 'false']);

export function cellReader(file: string, row: number, record: Readonly<Record<string, string>>): CellReader {
  const problems: ImportProblem[] = [];
  const problem = (column: string | null, message: string) => {
    problems.push({ file, row, column, message });
  };
  const raw = (column: string) => (Object.hasOwn(record, column) ? (record[column] ?? '') : '').trim();
  const reader: CellReader = {
    problems,
    problem,
    text(column, options = {}) {
      const value = raw(column);
      if (value === '') {
        if (options.required) problem(column, options.required);
        return null;
      }
      const max = options.max ?? 200;
      if (value.length > max) {
        problem(
          column,
          `Must be ${max.toLocaleString('en-GB')} characters or fewer (it has ${value.length})`,
        );
        return null;
      }
      return value;
    },
    date(column, options = {}) {
      const value = raw(column);
      if (value === '') {
        if (options.required) problem(column, options.required);
        return null;
      }
      const date = importDate(value);
      if (!date)
        problem(
          column,
          `“${value.slice(0, 40)}” is not a real date – write it as year-month-day, like 2026-02-28, or day/month/year, like 28/02/2026`,
        );
      return date;
    },
    code(column, codes, options = {}) {
      const value = raw(column);
      if (value === '') {
        if (options.required) problem(column, options.required);
        return null;
      }
      if (Object.hasOwn(codes, value)) return value as keyof typeof codes & string;
      problem(column, `“${value.slice(0, 40)}” is not one of: ${Object.keys(codes).join(', ')}`);
      return null;
    },
    codes(column, codes) {
      const values = raw(column)
        .split(LIST_SEPARATOR)
        .map((v) => v.trim())
        .filter(Boolean);
      const known = values.filter((v) => Object.hasOwn(codes, v));
      const unknown = values.filter((v) => !Object.hasOwn(codes, v));
      if (unknown.length)
        problem(
          column,
          `${unknown.map((v) => `“${v.slice(0, 40)}”`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not on the list: use ${Object.keys(codes).join(', ')}, separated by “${LIST_SEPARATOR}”`,
        );
      return known as (keyof typeof codes & string)[];
    },
    yesNo(column, fallback) {
      const value = raw(column).toLowerCase();
      if (value === '') return fallback;
      if (YES.has(value)) return true;
      if (NO.has(value)) return false;
      problem(column, `Write yes or no (it says “${raw(column).slice(0, 40)}”)`);
      return fallback;
    },
  };
  return reader;
}

/** Field errors from a feature's own checks (`legalName`) as import problems (`legal_name`). */
export function problemsFromFieldErrors(
  file: string,
  row: number,
  errors: readonly { field: string; message: string }[],
  columnOf: Readonly<Record<string, string>>,
): ImportProblem[] {
  return errors.map((e) => ({ file, row, column: columnOf[e.field] ?? null, message: e.message }));
}

/**
 * The shape of one file of a caseload import (issue 15): an administrator moving a council from
 * another system uploads CSV files — people, their representatives and circle, outcomes,
 * budgets, plans, direct-payment agreements, opening balances — one section per file.
 *
 * Each feature that owns the rows owns its section (people's, budgets', plans', payments'),
 * exported from its `index.ts`; the imports feature runs them: it decodes the files (UTF-8
 * only), hands each record to `parse`, then `check` for what needs the whole batch, reports
 * every problem at once (dry run), and on commit calls `write` for every section in one
 * transaction, in the order of the sections list. Rows are known by the old system's
 * reference: the imports feature remembers which reference became which row, so importing the
 * same file again writes nothing (`write` is only handed rows whose reference is new).
 */
import type { Tx } from '../db/client.ts';
import type { IsoDate } from '../dates.ts';

/** One column of a file: documents the template and checks the header. */
export interface ImportColumn {
  /** The header exactly as it appears in the file, snake_case, e.g. `person_reference`. */
  name: string;
  required: boolean;
  /** Plain words for the template's documentation: what goes here and in what form. */
  description: string;
  /** An example value, used in the downloadable template's example row. */
  example: string;
}

/** A problem found in the files: which file, which row (1 = the first row after the header), which column. */
export interface ImportProblem {
  file: string;
  /** Null for a problem with the whole file (a missing column, bad encoding). */
  row: number | null;
  column: string | null;
  /** Plain words, saying what is wrong and what would be right. */
  message: string;
}

/** One record that parsed: its old-system reference and the typed value. */
export interface ParsedRow<Row> {
  /** The row number in the file (1 = the first row after the header). */
  row: number;
  /** The old system's reference for this row, unique within the section's kind. */
  reference: string;
  value: Row;
}

export type ParseResult<Row> =
  | { ok: true; reference: string; value: Row }
  | { ok: false; problems: ImportProblem[] };

/** Old-system references known to this import, from this batch's earlier sections or earlier imports. */
export interface ImportReferences {
  /** Whether a reference of a kind exists (in an earlier section of this batch, or imported before). */
  has(kind: string, reference: string): boolean;
  /**
   * The id of the row a reference became: for a reference imported before (in the dry run too),
   * or, during `write`, one an earlier section of this commit wrote.
   */
  idOf(kind: string, reference: string): string | undefined;
  /**
   * The parsed value of a row of this batch (an earlier section's), for a check that needs it
   * (a representative's person's date of birth). Its owner knows its type.
   */
  valueOf(kind: string, reference: string): unknown;
}

/** What parsing and checking may know without the database: today and the council's nation. */
export interface ImportParseContext {
  today: IsoDate;
  nation: 'scotland' | 'england';
}

/** What the database-aware check is given: the parse context, the council and the references. */
export interface ImportCheckContext extends ImportParseContext {
  authorityId: string;
  references: ImportReferences;
}

export interface ImportWriteContext {
  authorityId: string;
  /** The administrator importing (for created_by / decided_by columns). */
  actorId: string;
  /** Their name and role, for history rows that name who made them. */
  actorName: string;
  actorRole: string;
  /** Today's date in Europe/London, ISO: the date the import is made. */
  today: string;
  references: ImportReferences;
}

export interface ImportSection<Row = unknown> {
  /** The kind of reference its rows carry, e.g. 'person', 'budget'; other sections point at it. */
  kind: string;
  /** The file name the administrator uploads and the template's name, e.g. `people.csv`. */
  file: string;
  /** A short title for the page and the documentation, e.g. 'People'. */
  title: string;
  /** One or two sentences for the documentation. */
  description: string;
  /** Whether an import may leave this file out. */
  optional: boolean;
  columns: readonly ImportColumn[];
  /**
   * Pure: one record (header → text as written, not yet trimmed) to a typed row, or its problems.
   * Problems name `file` as this section's file. A reference repeated within the file is found
   * by the runner, not here.
   */
  parse(record: Readonly<Record<string, string>>, row: number, context: ImportParseContext): ParseResult<Row>;
  /**
   * Pure over the parsed batch: problems that need more than one row (the same CHI number on two
   * rows, a person reference not in this batch nor imported before). No database.
   */
  check(
    rows: readonly ParsedRow<Row>[],
    references: ImportReferences,
    context: ImportParseContext,
  ): ImportProblem[];
  /**
   * Against what the council already holds, inside the dry run's (and again the commit's)
   * transaction: a CHI number another record holds, a team or a code the council does not have.
   * Handed only the rows that would be written (references not imported before). Set-based:
   * a few queries for the whole file, never one per row.
   */
  checkWith?(tx: Tx, rows: readonly ParsedRow<Row>[], context: ImportCheckContext): Promise<ImportProblem[]>;
  /**
   * Writes the rows (only those whose reference is new) inside the import's one transaction,
   * set-based (one insert per table, not one per row). Returns the id each reference became.
   */
  write(tx: Tx, rows: readonly ParsedRow<Row>[], context: ImportWriteContext): Promise<Map<string, string>>;
}

/**
 * The pure part of a caseload import: decode each file (UTF-8 only), read its CSV (RFC 4180,
 * with csv-parse), check the heading row against the section's columns, parse every row with the
 * section and find references repeated within the file. Every problem is collected, never the
 * first only. The database-aware checks and the writes are in service.ts.
 */
import { createHash } from 'node:crypto';
import { CsvError, parse } from 'csv-parse/sync';
import type {
  ImportParseContext,
  ImportProblem,
  ImportSection,
  ParsedRow,
} from '../../platform/import/section.ts';

/** A file as uploaded. */
export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/** Most rows one file may have: a council's whole caseload fits many times over. */
export const MAX_ROWS_PER_FILE = 200_000;
/** Most bytes the files of one import may have together. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

const BOM = '\uFEFF';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The file's text, or the problem: not UTF-8, or holding a character no record may (NUL). */
export function decodeFile(
  file: UploadedFile,
): { ok: true; text: string } | { ok: false; problem: ImportProblem } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
  } catch {
    return {
      ok: false,
      problem: {
        file: file.name,
        row: null,
        column: null,
        message:
          'This file is not in UTF-8, so some letters would come out wrong. Save it again as “CSV UTF-8” (in Excel: Save as, then CSV UTF-8) and upload it again.',
      },
    };
  }
  if (text.startsWith(BOM)) text = text.slice(BOM.length);
  if (text.includes('\u0000'))
    return {
      ok: false,
      problem: {
        file: file.name,
        row: null,
        column: null,
        message: 'This file has a NUL character in it, so it is not a text CSV file. Export it again as CSV.',
      },
    };
  return { ok: true, text };
}

/** The rows of a CSV file under its heading row, each as heading → text. */
export interface ReadRows {
  records: { row: number; record: Record<string, string> }[];
  /** Rows under the heading row, read or not. */
  rowCount: number;
  problems: ImportProblem[];
}

/**
 * Reads the CSV text of a section's file: the heading row must name every required column,
 * each once, and nothing the section does not know; every row must have as many cells as the
 * heading row. Blank lines are skipped. Row 1 is the first row under the headings.
 */
export function readRows(section: Pick<ImportSection, 'file' | 'columns'>, text: string): ReadRows {
  const file = section.file;
  const problems: ImportProblem[] = [];
  let cells: string[][];
  try {
    cells = parse(text, { relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const records = typeof error.records === 'number' ? error.records : null;
    return {
      records: [],
      rowCount: 0,
      problems: [
        {
          file,
          row: records === null ? null : Math.max(records, 1),
          column: null,
          message:
            error.code === 'CSV_QUOTE_NOT_CLOSED'
              ? 'A quotation mark opened here is never closed, so the rest of the file cannot be read. Check the quotes in this row.'
              : 'This row cannot be read as CSV. Check its quotation marks and commas.',
        },
      ],
    };
  }
  const [heading, ...body] = cells;
  if (!heading || heading.every((h) => h.trim() === ''))
    return {
      records: [],
      rowCount: 0,
      problems: [
        {
          file,
          row: null,
          column: null,
          message: 'The file is empty: it needs a heading row, then one row for each record.',
        },
      ],
    };
  const names = heading.map((h) => h.trim());
  const known = new Set(section.columns.map((c) => c.name));
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name))
      problems.push({
        file,
        row: null,
        column: name,
        message: `The column ${name} is in the heading row twice – keep one`,
      });
    seen.add(name);
    if (!known.has(name))
      problems.push({
        file,
        row: null,
        column: name || null,
        message: name
          ? `${name} is not a column of ${file} – check its spelling against the template`
          : 'A column has no heading – give it one from the template, or delete it',
      });
  }
  for (const column of section.columns)
    if (column.required && !seen.has(column.name))
      problems.push({
        file,
        row: null,
        column: column.name,
        message: `The column ${column.name} is missing – add it to the heading row (see the template)`,
      });
  if (problems.length) return { records: [], rowCount: body.length, problems };
  if (body.length > MAX_ROWS_PER_FILE)
    return {
      records: [],
      rowCount: body.length,
      problems: [
        {
          file,
          row: null,
          column: null,
          message: `The file has ${body.length.toLocaleString('en-GB')} rows; at most ${MAX_ROWS_PER_FILE.toLocaleString('en-GB')} can be imported at once – split it`,
        },
      ],
    };
  const records: ReadRows['records'] = [];
  body.forEach((row, index) => {
    const number = index + 1;
    if (row.length !== names.length) {
      problems.push({
        file,
        row: number,
        column: null,
        message: `This row has ${row.length} ${row.length === 1 ? 'cell' : 'cells'} but the heading row has ${names.length} – check for a missing or extra comma`,
      });
      return;
    }
    records.push({ row: number, record: Object.fromEntries(names.map((name, i) => [name, row[i] ?? ''])) });
  });
  return { records, rowCount: body.length, problems };
}

/** Every row through the section's parser, and references repeated within the file. */
export function parseRows<Row>(
  section: ImportSection<Row>,
  records: ReadRows['records'],
  context: ImportParseContext,
): { rows: ParsedRow<Row>[]; problems: ImportProblem[] } {
  const rows: ParsedRow<Row>[] = [];
  const problems: ImportProblem[] = [];
  const firstRow = new Map<string, number>();
  const referenceColumn = section.columns[0]!.name;
  for (const { row, record } of records) {
    const parsed = section.parse(record, row, context);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    const first = firstRow.get(parsed.reference);
    if (first !== undefined) {
      problems.push({
        file: section.file,
        row,
        column: referenceColumn,
        message: `The reference “${parsed.reference}” is also on row ${first}: each row needs its own reference`,
      });
      continue;
    }
    firstRow.set(parsed.reference, row);
    rows.push({ row, reference: parsed.reference, value: parsed.value });
  }
  return { rows, problems };
}

/** Files named for no section, and sections that must be there but are not. */
export function fileProblems(
  sections: readonly Pick<ImportSection, 'file' | 'optional'>[],
  names: readonly string[],
): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const known = new Map(sections.map((s) => [s.file.toLowerCase(), s.file]));
  const seen = new Set<string>();
  for (const name of names) {
    const lower = name.toLowerCase();
    if (seen.has(lower))
      problems.push({
        file: name,
        row: null,
        column: null,
        message: 'This file was uploaded twice – upload it once',
      });
    seen.add(lower);
    if (!known.has(lower))
      problems.push({
        file: name,
        row: null,
        column: null,
        message: `Selfdirect does not import a file called ${name}: name each file as its template is (${sections.map((s) => s.file).join(', ')})`,
      });
  }
  for (const section of sections)
    if (!section.optional && !seen.has(section.file.toLowerCase()))
      problems.push({
        file: section.file,
        row: null,
        column: null,
        message: `${section.file} is missing: every import needs it`,
      });
  return problems;
}

/** Problems in file, row, column order (whole-file problems first). */
export function sortProblems(
  problems: readonly ImportProblem[],
  fileOrder: readonly string[],
): ImportProblem[] {
  const order = (file: string) => {
    const index = fileOrder.indexOf(file);
    return index < 0 ? fileOrder.length : index;
  };
  return [...problems].sort((a, b) => order(a.file) - order(b.file) || (a.row ?? 0) - (b.row ?? 0));
}

/** A section's template: the heading row and one example row. */
export function templateCsv(section: Pick<ImportSection, 'columns'>): string {
  const quote = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return `${section.columns.map((c) => quote(c.name)).join(',')}\r\n${section.columns.map((c) => quote(c.example)).join(',')}\r\n`;
}

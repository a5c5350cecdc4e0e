/**
 * Importing an existing caseload (issue 15): a dry run checks the files and keeps every problem;
 * a commit, only of a dry run with none, checks them again and writes every file's new rows in
 * one transaction with one audit row. Rows are known by the old system's references: a reference
 * imported before is left as it is, so the same files imported again write nothing.
 */
import type { CouncilAccess } from '../../platform/auth/access.ts';
import { audited, recordAudit } from '../../platform/audit/index.ts';
import { type Db, queryFailure, type Tx } from '../../platform/db/client.ts';
import { inTenant } from '../../platform/db/transaction.ts';
import { todayInLondon } from '../../platform/dates.ts';
import { Problem } from '../../platform/http/problem.ts';
import type {
  ImportParseContext,
  ImportProblem,
  ImportReferences,
  ImportSection,
  ParsedRow,
} from '../../platform/import/section.ts';
import {
  decodeFile,
  fileProblems,
  MAX_IMPORT_BYTES,
  parseRows,
  readRows,
  sha256,
  sortProblems,
  type UploadedFile,
} from './rules.ts';
import type { ImportFileSummary, ImportSectionCount } from './schema.ts';
import { IMPORT_SECTIONS } from './sections.ts';
import {
  existingReferences,
  findImport,
  insertImport,
  nationOf,
  recentImports,
  rememberReferences,
  updateImport,
} from './store.ts';

/** Progress of a long import, for the command line: a line per file and per step. */
export type ImportProgress = (message: string) => void;

interface SectionRun {
  section: ImportSection<unknown>;
  rows: ParsedRow<unknown>[];
  /** Rows whose reference was not imported before: the ones a commit writes. */
  newRows: ParsedRow<unknown>[];
  count: ImportSectionCount;
}

interface CheckedFiles {
  problems: ImportProblem[];
  runs: SectionRun[];
  references: BatchReferences;
}

/** References of this batch (parsed values), of earlier imports, and written by this commit. */
class BatchReferences implements ImportReferences {
  readonly batch = new Map<string, Map<string, unknown>>();
  /** Rows that did not parse, by the text in their reference column: not reported twice. */
  readonly unparsed = new Map<string, Set<string>>();
  earlier = new Map<string, Map<string, string>>();
  readonly written = new Map<string, Map<string, string>>();

  has(kind: string, reference: string) {
    return (
      (this.batch.get(kind)?.has(reference) ?? false) ||
      (this.earlier.get(kind)?.has(reference) ?? false) ||
      (this.unparsed.get(kind)?.has(reference) ?? false)
    );
  }
  idOf(kind: string, reference: string) {
    return this.earlier.get(kind)?.get(reference) ?? this.written.get(kind)?.get(reference);
  }
  valueOf(kind: string, reference: string) {
    return this.batch.get(kind)?.get(reference);
  }
  wasImported(kind: string, reference: string) {
    return this.earlier.get(kind)?.has(reference) ?? false;
  }
}

/**
 * Reads and checks the files (already decoded) against the sections and the council's records:
 * every problem, and the rows each commit would write. Runs inside the caller's transaction.
 */
async function checkFiles(
  tx: Tx,
  authorityId: string,
  texts: Readonly<Record<string, string>>,
  progress: ImportProgress = () => {},
): Promise<CheckedFiles> {
  const context: ImportParseContext = { today: todayInLondon(), nation: await nationOf(tx, authorityId) };
  const references = new BatchReferences();
  const problems: ImportProblem[] = [];
  const byName = new Map(Object.entries(texts).map(([name, text]) => [name.toLowerCase(), text]));
  const runs: SectionRun[] = [];
  for (const section of IMPORT_SECTIONS) {
    const text = byName.get(section.file.toLowerCase());
    if (text === undefined) continue;
    const read = readRows(section, text);
    const parsed = parseRows(section, read.records, context);
    const unparsed = new Set<string>();
    const parsedRows = new Set(parsed.rows.map((r) => r.row));
    const referenceColumn = section.columns[0]!.name;
    for (const { row, record } of read.records)
      if (!parsedRows.has(row)) unparsed.add((record[referenceColumn] ?? '').trim());
    references.unparsed.set(section.kind, unparsed);
    references.batch.set(section.kind, new Map(parsed.rows.map((r) => [r.reference, r.value])));
    problems.push(...read.problems, ...parsed.problems);
    runs.push({
      section,
      rows: parsed.rows,
      newRows: [],
      count: {
        file: section.file,
        title: section.title,
        rows: read.rowCount,
        new: 0,
        alreadyImported: 0,
        problems: 0,
      },
    });
    progress(`${section.file}: ${read.rowCount.toLocaleString('en-GB')} rows read`);
  }
  references.earlier = await existingReferences(
    tx,
    runs.flatMap((run) => run.rows.map((r) => ({ kind: run.section.kind, reference: r.reference }))),
  );
  const checkContext = { ...context, authorityId, references };
  for (const run of runs) {
    run.newRows = run.rows.filter((r) => !references.wasImported(run.section.kind, r.reference));
    run.count.new = run.newRows.length;
    run.count.alreadyImported = run.rows.length - run.newRows.length;
    problems.push(...run.section.check(run.newRows, references, context));
    if (run.section.checkWith) problems.push(...(await run.section.checkWith(tx, run.newRows, checkContext)));
    progress(
      `${run.section.file}: checked (${run.count.new} new, ${run.count.alreadyImported} imported before)`,
    );
  }
  return { problems, runs, references };
}

function countProblems(counts: ImportSectionCount[], problems: readonly ImportProblem[]) {
  for (const count of counts) count.problems = problems.filter((p) => p.file === count.file).length;
}

export interface ImportReport {
  id: string;
  status: 'dry_run' | 'committed' | 'failed';
  files: ImportFileSummary[];
  counts: ImportSectionCount[];
  problems: ImportProblem[];
  written: number | null;
  createdAt: Date;
  committedAt: Date | null;
  createdByName: string | null;
  /** Whether it may be committed now: a dry run with no problems. */
  canCommit: boolean;
}

function reportOf(row: NonNullable<Awaited<ReturnType<typeof findImport>>>): ImportReport {
  const { fileTexts, ...rest } = row;
  return {
    ...rest,
    canCommit: row.status === 'dry_run' && row.problems.length === 0 && fileTexts !== null,
  };
}

/** Checks the files and keeps the result (a dry run): nothing of the caseload is written. */
export async function dryRun(
  db: Db,
  access: CouncilAccess,
  files: readonly UploadedFile[],
  progress?: ImportProgress,
): Promise<ImportReport> {
  if (!files.length)
    throw Problem.invalid([{ field: 'files', message: 'Choose at least one CSV file to import' }]);
  const bytes = files.reduce((sum, f) => sum + f.bytes.length, 0);
  if (bytes > MAX_IMPORT_BYTES)
    throw Problem.invalid([
      {
        field: 'files',
        message: `The files must be ${MAX_IMPORT_BYTES / 1024 / 1024} MB or smaller together`,
      },
    ]);
  const problems = fileProblems(
    IMPORT_SECTIONS,
    files.map((f) => f.name),
  );
  const texts: Record<string, string> = {};
  for (const file of files) {
    const decoded = decodeFile(file);
    if (decoded.ok) texts[file.name] = decoded.text;
    else problems.push(decoded.problem);
  }
  const summaries: ImportFileSummary[] = files.map((f) => ({
    name: f.name.slice(0, 200),
    bytes: f.bytes.length,
    sha256: sha256(f.bytes),
  }));
  return inTenant(db, access.authorityId, async (tx) => {
    const checked = await checkFiles(tx, access.authorityId, texts, progress);
    const all = sortProblems(
      [...problems, ...checked.problems],
      IMPORT_SECTIONS.map((s) => s.file),
    );
    const counts = checked.runs.map((r) => r.count);
    countProblems(counts, all);
    const id = await insertImport(tx, {
      authorityId: access.authorityId,
      status: 'dry_run',
      files: summaries,
      // Kept only for a commit, which needs no problems: otherwise the rows are not kept at all.
      fileTexts: all.length ? null : texts,
      counts,
      problems: all,
      createdBy: access.actor.userId,
    });
    await recordAudit(tx, {
      actor: access.actor,
      authorityId: access.authorityId,
      personId: null,
      action: 'caseload_import.check',
      route: access.route,
      outcome: 'allowed',
      detail: { importId: id, files: summaries.map((f) => f.name), counts, problems: all.length },
    });
    return reportOf((await findImport(tx, id))!);
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function importReport(db: Db, access: CouncilAccess, importId: string): Promise<ImportReport> {
  if (!UUID.test(importId)) throw Problem.notFound('Import');
  return audited(
    db,
    access,
    'caseload_import.read',
    async (tx) => {
      const row = await findImport(tx, importId);
      if (!row) throw Problem.notFound('Import');
      return reportOf(row);
    },
    { importId },
  );
}

/**
 * Writes the import: every file's new rows in one transaction, in the sections' order (people
 * first, so the others can point at them), with the references they became and one audit row.
 * The files are checked again first: if the council's records changed since the dry run (someone
 * added a person with one of the CHI numbers), nothing is written and the import is marked
 * failed with the problems found.
 */
export async function commitImport(
  db: Db,
  access: CouncilAccess,
  importId: string,
  progress: ImportProgress = () => {},
): Promise<ImportReport> {
  if (!UUID.test(importId)) throw Problem.notFound('Import');
  return inTenant(db, access.authorityId, async (tx) => {
    const row = await findImport(tx, importId, true);
    if (!row) throw Problem.notFound('Import');
    if (row.status === 'committed')
      throw Problem.conflict('This import has already been committed.', [], 'Already imported');
    if (row.status !== 'dry_run' || row.problems.length || row.fileTexts === null)
      throw Problem.conflict(
        'This import has problems, so it cannot be committed. Correct the files and upload them again.',
        [],
        'This import cannot be committed',
      );
    const checked = await checkFiles(tx, access.authorityId, row.fileTexts, progress);
    const counts = checked.runs.map((r) => r.count);
    if (checked.problems.length) {
      const problems = sortProblems(
        checked.problems,
        IMPORT_SECTIONS.map((s) => s.file),
      );
      countProblems(counts, problems);
      await updateImport(tx, importId, { status: 'failed', problems, counts, fileTexts: null });
      return reportOf((await findImport(tx, importId))!);
    }
    const writeContext = {
      authorityId: access.authorityId,
      actorId: access.actor.userId,
      actorName: access.actor.displayName,
      actorRole: access.actor.role,
      today: todayInLondon(),
      references: checked.references,
    };
    let written = 0;
    for (const run of checked.runs) {
      if (!run.newRows.length) continue;
      const ids = await run.section.write(tx, run.newRows, writeContext).catch(refuseRace);
      checked.references.written.set(run.section.kind, ids);
      await refuseRaceOf(
        rememberReferences(
          tx,
          [...ids].map(([reference, targetId]) => ({
            authorityId: access.authorityId,
            kind: run.section.kind,
            reference,
            targetId,
            importId,
          })),
        ),
      );
      written += ids.size;
      progress(`${run.section.file}: ${ids.size.toLocaleString('en-GB')} written`);
    }
    await updateImport(tx, importId, {
      status: 'committed',
      counts,
      fileTexts: null,
      written,
      committedBy: access.actor.userId,
      committedAt: new Date(),
    });
    await recordAudit(tx, {
      actor: access.actor,
      authorityId: access.authorityId,
      personId: null,
      action: 'caseload_import.commit',
      route: access.route,
      outcome: 'allowed',
      detail: {
        importId,
        written,
        counts: counts.map((c) => ({ file: c.file, new: c.new, alreadyImported: c.alreadyImported })),
      },
    });
    return reportOf((await findImport(tx, importId))!);
  });
}

/**
 * Two imports committed at once could both find a reference (or a CHI number) new; the second's
 * insert then breaks a unique index. Nothing of it is written (its transaction rolls back) and
 * it is told so, never a server error.
 */
function refuseRace(error: unknown): never {
  if (queryFailure(error)?.code === '23505')
    throw Problem.conflict(
      'Another import wrote some of these rows while this one was being committed. Nothing of this one was written: upload the files again to check them.',
      [],
      'Imported meanwhile',
    );
  throw error;
}

const refuseRaceOf = <T>(work: Promise<T>) => work.catch(refuseRace);

export async function listImports(db: Db, access: CouncilAccess) {
  return audited(db, access, 'caseload_imports.read', (tx) => recentImports(tx));
}

export const importServices = (db: Db) => ({
  dryRun: (access: CouncilAccess, files: readonly UploadedFile[], progress?: ImportProgress) =>
    dryRun(db, access, files, progress),
  report: (access: CouncilAccess, importId: string) => importReport(db, access, importId),
  commit: (access: CouncilAccess, importId: string, progress?: ImportProgress) =>
    commitImport(db, access, importId, progress),
  list: (access: CouncilAccess) => listImports(db, access),
});

export type ImportServices = ReturnType<typeof importServices>;

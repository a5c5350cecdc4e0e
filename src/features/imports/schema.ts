import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../platform/auth/schema.ts';
import type { ImportProblem } from '../../platform/import/section.ts';
import { createdAt, tenantColumns, tenantKey, tenantReference } from '../../platform/db/tenant-table.ts';

/** A file of an import as received: its name, size and fingerprint (never its rows). */
export interface ImportFileSummary {
  name: string;
  bytes: number;
  sha256: string;
}

/** Per file of an import: how many rows it had, how many were new, how many imported before. */
export interface ImportSectionCount {
  file: string;
  title: string;
  rows: number;
  new: number;
  alreadyImported: number;
  problems: number;
}

/**
 * One caseload import (issue 15): a dry run of the files an administrator uploaded, its problems
 * (every one, with file, row and column), and, once committed, what it wrote. The files' text is
 * kept only until the import is committed (`file_texts`, then null), so a commit works on exactly
 * the files the dry run checked.
 */
export const caseloadImports = pgTable(
  'caseload_imports',
  {
    ...tenantColumns(),
    status: text('status', { enum: ['dry_run', 'committed', 'failed'] })
      .notNull()
      .default('dry_run'),
    files: jsonb('files').$type<ImportFileSummary[]>().notNull(),
    /** The files' text by name, for the commit; null once committed. */
    fileTexts: jsonb('file_texts').$type<Record<string, string>>(),
    counts: jsonb('counts').$type<ImportSectionCount[]>().notNull(),
    problems: jsonb('problems').$type<ImportProblem[]>().notNull(),
    /** How many rows the commit wrote, over every file. */
    written: integer('written'),
    createdBy: uuid('created_by').notNull(),
    createdAt: createdAt(),
    committedBy: uuid('committed_by'),
    committedAt: timestamp('committed_at', { withTimezone: true }),
  },
  (t) => [
    tenantKey(t),
    tenantReference(t, t.createdBy, users),
    tenantReference(t, t.committedBy, users),
    index('caseload_imports_created_idx').on(t.authorityId, t.createdAt),
  ],
);

/**
 * Which old-system reference became which row: one row per imported row, so the same file
 * imported again writes nothing. `kind` is the section's kind ('person', 'outcome', …).
 */
export const importReferences = pgTable(
  'import_references',
  {
    ...tenantColumns(),
    kind: text('kind').notNull(),
    reference: text('reference').notNull(),
    targetId: uuid('target_id').notNull(),
    importId: uuid('import_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    tenantKey(t),
    tenantReference(t, t.importId, caseloadImports),
    uniqueIndex('import_references_unique').on(t.authorityId, t.kind, t.reference),
  ],
);

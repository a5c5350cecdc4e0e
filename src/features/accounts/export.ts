import { asc, eq, sql } from 'drizzle-orm';
import type { PersonAccess } from '../../platform/auth/access.ts';
import { ROLE_LABELS, type Role } from '../../platform/auth/roles.ts';
import { audited } from '../../platform/audit/index.ts';
import { auditEvents } from '../../platform/audit/schema.ts';
import type { Db } from '../../platform/db/client.ts';
import { rows } from '../../platform/db/transaction.ts';
import { formatDate } from '../../platform/dates.ts';
import { formatPence } from '../../platform/money/index.ts';
import { describeEvent } from '../../platform/audit/catalogue.ts';

type Row = Record<string, unknown>;

export interface PersonExport {
  exportedAt: string;
  councilName: string;
  person: Row | undefined;
  /** Every table with a `person_id` column, by table name. */
  sections: Record<string, Row[]>;
  audit: (typeof auditEvents.$inferSelect)[];
  /** Column types by table, so the readable copy can format dates and money. */
  columns: Record<string, Record<string, string>>;
}

/** Tables about the person that are shown elsewhere in the export or hold no data of theirs. */
const LEFT_OUT = new Set(['audit_events', 'break_glass_grants']);

/**
 * Subject access request: everything held about a person. Every table with a
 * `person_id` column is read, so a new feature's data is exported without anyone
 * remembering to add it. Rows come through `to_jsonb` so dates, money and arrays look
 * the same on PGlite and PostgreSQL. The export itself is audited.
 */
export async function exportPersonRecord(db: Db, access: PersonAccess): Promise<PersonExport> {
  return audited(db, access, 'record.export', async (tx) => {
    const columnRows = await rows<{ table_name: string; column_name: string; data_type: string }>(
      tx,
      sql`select c.table_name, c.column_name, c.data_type from information_schema.columns c
          where c.table_schema = 'public' and c.table_name in (
            select table_name from information_schema.columns
            where table_schema = 'public' and column_name = 'person_id')
          or (c.table_schema = 'public' and c.table_name = 'people')
          order by c.table_name, c.ordinal_position`,
    );
    const columns: PersonExport['columns'] = {};
    for (const c of columnRows) {
      columns[c.table_name] = { ...columns[c.table_name], [c.column_name]: c.data_type };
    }
    const [person] = await rows<{ row: Row }>(
      tx,
      sql`select to_jsonb(p) as row from people p where p.id = ${access.personId}`,
    );
    const sections: Record<string, Row[]> = {};
    for (const table of Object.keys(columns).sort()) {
      if (table === 'people' || LEFT_OUT.has(table) || !columns[table]!.person_id) continue;
      const found = await rows<{ row: Row }>(
        tx,
        sql`select to_jsonb(t) as row from ${sql.identifier(table)} t where t.person_id = ${access.personId}`,
      );
      sections[table] = found.map((r) => r.row);
    }
    const audit = await tx
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.personId, access.personId))
      .orderBy(asc(auditEvents.seq));
    const [council] = await rows<{ name: string }>(
      tx,
      sql`select name from authorities where id = ${access.authorityId}`,
    );
    return {
      exportedAt: new Date().toISOString(),
      councilName: council?.name ?? 'The council',
      person: person?.row,
      sections,
      audit,
      columns,
    };
  });
}

/** Headings a person understands for the tables we know; anything new gets its name in words. */
const HEADINGS: Record<string, string> = {
  people: 'Your details',
  person_relationships: 'People who can act for you or help you',
  outcomes: 'What matters to you (your outcomes)',
  conversations: 'Conversations we have had with you',
  budget_versions: 'Your budget',
  support_plans: 'Your support plan',
  audit: 'Who has looked at your record',
};

const COLUMN_LABELS: Record<string, string> = {
  legal_name: 'Full name',
  chi_number: 'CHI number',
  nhs_number: 'NHS number',
  address_line_1: 'Address line 1',
  address_line_2: 'Address line 2',
  valid_from: 'From',
  valid_to: 'Until',
};

/** Columns that mean nothing to the reader; they stay in the JSON copy. */
const HIDDEN = new Set(['authority_id', 'person_id', 'version', 'hash', 'prev_hash', 'token_hash']);
const MONEY = /(amount|pence|total|cost|balance|budget|charge|contribution|price|fee|weekly|annual|rate)/;

/** Abbreviations spelled out or capitalised as a reader expects. */
const WORDS: Record<string, string> = {
  dp: 'direct payment',
  sds: 'SDS',
  chi: 'CHI',
  nhs: 'NHS',
  isf: 'ISF',
};

export const humanise = (name: string) => {
  const words = name
    .split('_')
    .filter(Boolean)
    .map((word) => WORDS[word] ?? word)
    .join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const londonDateTime = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/London',
});

/** One value as the reader should see it: dates in words, money in pounds, yes/no, lists. */
export function formatValue(column: string, type: string | undefined, value: unknown): string {
  if (value === null || value === undefined || value === '') return 'Not recorded';
  if (type === 'date' && typeof value === 'string') return formatDate(value.slice(0, 10));
  if (type?.startsWith('timestamp') && typeof value === 'string')
    return londonDateTime.format(new Date(value));
  if ((type === 'bigint' || type === 'integer') && MONEY.test(column)) return formatPence(Number(value));
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) return value.length ? value.map((v) => readable(v, column)).join(', ') : 'None';
  if (typeof value === 'string' && UUID.test(value)) return 'Internal reference (in the computer copy)';
  return readable(value, column);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UUID_ANYWHERE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const isReference = (key: string, value: unknown) =>
  /(^id$|Id$|_id$)/.test(key) || (typeof value === 'string' && UUID.test(value));

/**
 * Stored structures (a budget's working-out lines, a plan's sections) in words: keys as
 * labels, amounts under money-like keys in pounds, internal references left out.
 */
function readable(value: unknown, key = ''): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' && MONEY.test(key.toLowerCase()) && Number.isInteger(value))
    return formatPence(value);
  if (typeof value !== 'object')
    return String(value).replace(UUID_ANYWHERE, 'reference').replaceAll('_', ' ');
  if (Array.isArray(value)) return value.map((item) => readable(item, key)).join(' | ');
  return Object.entries(value as Row)
    .filter(([inner, v]) => !isReference(inner, v) && v !== null && v !== '')
    .map(
      ([inner, v]) =>
        `${humanise(inner.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase())}: ${readable(v, inner)}`,
    )
    .join('; ');
}

export interface ReadableSection {
  table: string;
  heading: string;
  entries: { key: string; value: string }[][];
}

/** The export as sections of labelled, formatted entries, for the HTML page and the PDF. */
export function readableExport(data: PersonExport): {
  sections: ReadableSection[];
  audit: { when: string; who: string; what: string; reason: string | null }[];
} {
  const entryOf = (table: string, row: Row) =>
    Object.entries(row)
      .filter(([column, _]) => {
        const type = data.columns[table]?.[column];
        return !HIDDEN.has(column) && type !== 'uuid';
      })
      .map(([column, value]) => ({
        key: COLUMN_LABELS[column] ?? humanise(column),
        value: formatValue(column, data.columns[table]?.[column], value),
      }));
  const sections: ReadableSection[] = [];
  if (data.person) {
    sections.push({ table: 'people', heading: HEADINGS.people!, entries: [entryOf('people', data.person)] });
  }
  for (const [table, found] of Object.entries(data.sections)) {
    sections.push({
      table,
      heading: HEADINGS[table] ?? humanise(table),
      entries: found.map((row) => entryOf(table, row)),
    });
  }
  const audit = data.audit.map((e) => ({
    when: londonDateTime.format(e.occurredAt),
    who: `${e.actorName} (${ROLE_LABELS[e.actorRole as Role] ?? e.actorRole})`,
    what: describeEvent(e),
    reason: e.reason,
  }));
  return { sections, audit };
}

import { asc, eq, sql } from 'drizzle-orm';
import type { PersonAccess } from '../../platform/auth/access.ts';
import { ROLE_LABELS, type Role } from '../../platform/auth/roles.ts';
import { audited } from '../../platform/audit/index.ts';
import { auditEvents } from '../../platform/audit/schema.ts';
import type { Db } from '../../platform/db/client.ts';
import { rows } from '../../platform/db/transaction.ts';
import { formatDate, formatDateTime } from '../../platform/dates.ts';
import { formatPence } from '../../platform/money/index.ts';
import { catalogueName, describeEvent } from '../../platform/audit/catalogue.ts';
import type { LetterAddressing } from '../../platform/pdf/index.ts';
import { letterAddressing } from '../people/index.ts';

type Row = Record<string, unknown>;

export interface PersonExport {
  exportedAt: string;
  councilName: string;
  /** Who the printed copy is from and to, and who to contact (the PDF's letter heading). */
  addressing: LetterAddressing;
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
      addressing: await letterAddressing(tx, access.personId),
      person: person?.row,
      sections,
      audit,
      columns,
    };
  });
}

/**
 * Each kind of record as the person should read it: a heading, a sentence saying what it is,
 * and labels for columns whose names do not read well. A table nobody has described yet still
 * gets a heading made from its name, so a new feature's data is never left out of the copy.
 * The order is the order of the document.
 */
const SECTIONS: Record<string, { heading: string; intro?: string; labels?: Record<string, string> }> = {
  people: { heading: 'Your details' },
  person_relationships: {
    heading: 'People who can act for you or help you',
    intro: 'The accounts that can see your record, and why.',
    labels: { kind: 'Who they are', powers: 'What they may do' },
  },
  representatives: { heading: 'Your representatives (people who can act for you)' },
  circle_members: { heading: 'Your circle of support', labels: { may_see: 'What they may see' } },
  person_equality: { heading: 'Equality information' },
  legal_orders: { heading: 'Legal orders about you' },
  support_offers: { heading: 'Support offered to you', labels: { reason: 'Why it was not offered' } },
  conversations: { heading: 'Conversations we have had with you' },
  conversation_entries: {
    heading: 'What was said in your conversations',
    labels: {
      text: 'What was said',
      said_by: 'Who said it',
      said_by_name: 'Their name',
      own_words: 'In their own words',
    },
  },
  personal_outcomes: {
    heading: 'What matters to you (your outcomes)',
    labels: { person_words: 'In your words', professional_view: 'What your worker thinks' },
  },
  personal_outcome_changes: { heading: 'Changes to what matters to you' },
  eligibility_decisions: { heading: 'Decisions about your support' },
  person_budgets: {
    heading: 'Your budget',
    intro: 'Each version of your budget, with how it was worked out.',
    labels: { explanation: 'How it was worked out', needs: 'What it is for' },
  },
  sds_option_choices: {
    heading: 'How you chose to get your support',
    labels: { sds_option: 'Option chosen' },
  },
  support_plans: { heading: 'Your support plan', labels: { content: 'What the plan says' } },
  support_plan_cost_lines: {
    heading: 'What your support plan pays for',
    labels: { sds_option: 'Option', weekly_cost: 'Cost each week' },
  },
  financial_assessments: {
    heading: 'Your financial assessment (what you pay)',
    labels: { result: 'How it was worked out' },
  },
  charging_review_requests: { heading: 'Requests to look again at what you pay' },
  dp_agreements: { heading: 'Your direct payment agreement', labels: { account_last4: 'Bank details' } },
  dp_agreement_changes: { heading: 'Changes to your direct payment agreement' },
  dp_payments: { heading: 'Direct payments made to you', labels: { explanation: 'How it was worked out' } },
  dp_returns: {
    heading: 'Your reports on how the money was spent',
    labels: { pa_wages: 'Personal assistant wages' },
  },
  surplus_reviews: { heading: 'Reviews of money left over' },
  ledger_accounts: { heading: 'Your direct payment account' },
  ledger_transfers: { heading: 'Money paid into and out of your direct payment account' },
};
export const WHO_LOOKED_HEADING = 'Who has looked at your record';

const COLUMN_LABELS: Record<string, string> = {
  legal_name: 'Full name',
  chi_number: 'CHI number',
  nhs_number: 'NHS number',
  address_line_1: 'Address line 1',
  address_line_2: 'Address line 2',
  valid_from: 'From',
  valid_to: 'Until',
  created_at: 'Written down on',
  updated_at: 'Last changed on',
  one_off_total: 'One-off total',
};

/** Columns that mean nothing to the reader; they stay in the computer copy. */
const HIDDEN = new Set([
  'authority_id',
  'person_id',
  'version',
  'row_version',
  'round',
  'sort_order',
  'source',
  'idempotency_key',
  'debit_account',
  'credit_account',
]);
/** Secrets: never in any copy (the bank details are shown by their last four digits only). */
const SECRET = /(^|_)(hash|token|secret|password|cipher\w*)$|^bank_details$/;

/** Stored codes in the words a person would use. */
const VALUE_WORDS: Record<string, Record<string, string>> = {
  said_by: { person: 'You', family: 'Your family', worker: 'Your worker', carer: 'Your carer' },
  kind: {
    self: 'You',
    circle_member: 'Someone in your circle of support',
    support_organisation: 'A support organisation',
  },
  holder_kind: {
    person: 'You',
    representative: 'Your representative',
    third_party: 'Someone else',
    managed_account: 'A managed account',
  },
  contribution_method: { net: 'Taken off each payment', invoice: 'We send you a bill' },
  frequency: { weekly: 'Every week', four_weekly: 'Every 4 weeks', monthly: 'Every month' },
};

/** Labels for the fields inside stored structures (plans, budgets, assessments). */
const FIELD_LABELS: Record<string, string> = {
  lines: 'Each part',
  steps: 'Each step',
  notes: 'Notes',
  aboutMe: 'About me',
  personWords: 'In your words',
  personView: 'What you think',
  workerView: 'What your worker thinks',
  professionalView: 'What your worker thinks',
  howMet: 'How it will be met',
  howEnabled: 'How it is made safer',
  whatAgreed: 'What was agreed',
  outcomeLabel: 'For',
  unitCode: 'Kind of support',
  quantityPerWeek: 'How much each week',
  policyVersion: 'Rules used',
  rule: 'How it is worked out',
  oneOffLines: 'One-off costs',
  oneOffTotal: 'One-off total',
  saidBy: 'Who said it',
  nonNegotiables: 'Things that must happen',
  costLines: 'What it pays for',
  sdsOption: 'Option',
  healthSafety: 'Health and safety',
};

/** Abbreviations spelled out or capitalised as a reader expects. */
const WORDS: Record<string, string> = {
  dp: 'direct payment',
  sds: 'SDS',
  chi: 'CHI',
  nhs: 'NHS',
  isf: 'ISF',
  pa: 'personal assistant',
};

export const humanise = (name: string) => {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split('_')
    .filter(Boolean)
    .map((word) => WORDS[word] ?? word)
    .join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const UUID_ANYWHERE = /\s*\(?\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b\)?/gi;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_ANYWHERE = /\b\d{4}-\d{2}-\d{2}\b/g;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;
/** Keys inside stored structures that hold pence. */
const MONEY_KEY =
  /(amount|pence|total|cost|balance|budget|charge|contribution|price|fee|weekly|annual|rate|income|capital|threshold)/i;
const isReference = (key: string) => /^(id|ref)$|(Id|Ref|_id|_ref)$/.test(key);

/** One line of a value; `depth` indents the parts of a structure under their label. */
export interface ReadableLine {
  text: string;
  depth: number;
}

/** Free text as stored, with internal references taken out and dates in words. */
function words(text: string): string {
  return text
    .replace(UUID_ANYWHERE, '')
    .replace(ISO_DATE_ANYWHERE, (date) => formatDate(date))
    .trim();
}

/** A single stored value (a code, a date, an amount under a money key) in words. */
function scalar(value: unknown, key: string): string {
  if (value === null || value === undefined || value === '') return 'Not recorded';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number')
    return MONEY_KEY.test(key) && Number.isInteger(value) ? formatPence(value) : String(value);
  const text = String(value);
  if (ISO_DATE.test(text)) return formatDate(text);
  if (ISO_TIMESTAMP.test(text)) return formatDateTime(text);
  const known = VALUE_WORDS[key]?.[text];
  if (known) return known;
  // A stored code (physical_disability, four_weekly) reads as words.
  if (/^[a-z0-9]+(_[a-z0-9]+)+$/.test(text)) return text.replaceAll('_', ' ');
  return words(text);
}

const present = (value: unknown) =>
  value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);

/** The words that name one item of a list (a budget line's label, an outcome's own words). */
const TITLE_KEYS = ['label', 'description', 'personWords', 'outcomeLabel', 'name', 'title', 'text'];

/**
 * A stored structure (a budget's working-out, a plan's sections, an assessment) as labelled
 * lines: each field on its own line under its label, lists as items, money in pounds, dates
 * in words, internal references left out. Never JSON.
 */
function structure(value: unknown, key: string, depth: number): ReadableLine[] {
  if (!present(value)) return [];
  if (typeof value !== 'object') return [{ text: scalar(value, key), depth }];
  if (Array.isArray(value)) {
    if (value.every((item) => typeof item !== 'object' || item === null)) {
      const items = value.map((item) => scalar(item, key));
      return items.some((item) => item.length > 40)
        ? items.map((text) => ({ text, depth }))
        : [{ text: items.join(', '), depth }];
    }
    return value.flatMap((item) => listItem(item, key, depth));
  }
  const object = value as Row;
  // A change of one field: "from … to …".
  if (Object.keys(object).every((k) => k === 'from' || k === 'to')) {
    return [
      {
        text: `${present(object.from) ? scalar(object.from, key) : 'nothing'} to ${scalar(object.to, key)}`,
        depth,
      },
    ];
  }
  return Object.entries(object)
    .filter(([inner, v]) => !isReference(inner) && !SECRET.test(inner) && present(v))
    .flatMap(([inner, v]) => {
      const label = FIELD_LABELS[inner] ?? humanise(inner);
      if (typeof v !== 'object' || v === null) return [{ text: `${label}: ${scalar(v, inner)}`, depth }];
      const inside = structure(v, inner, depth + 1);
      if (inside.length === 1 && inside[0]!.depth === depth + 1 && !Array.isArray(v))
        return [{ text: `${label}: ${inside[0]!.text}`, depth }];
      return [{ text: label, depth }, ...inside];
    });
}

/** One item of a stored list: its title (with its amount) on one line, its other fields under it. */
function listItem(item: unknown, key: string, depth: number): ReadableLine[] {
  if (typeof item !== 'object' || item === null) return [{ text: scalar(item, key), depth }];
  const object = item as Row;
  const titleKey = TITLE_KEYS.find((k) => typeof object[k] === 'string' && object[k]);
  const amountKey = ['amount', 'weeklyAmount', 'weeklyCost', 'total'].find(
    (k) => typeof object[k] === 'number',
  );
  if (!titleKey) return structure(object, key, depth);
  let title = words(String(object[titleKey]));
  if (amountKey) title += `: ${formatPence(object[amountKey] as number)}`;
  if (typeof object.quantity === 'number' && typeof object.unitRate === 'number')
    title += ` (${object.quantity} × ${formatPence(object.unitRate)})`;
  const rest = Object.fromEntries(
    Object.entries(object).filter(
      ([k]) => k !== titleKey && k !== amountKey && k !== 'quantity' && k !== 'unitRate',
    ),
  );
  return [{ text: title, depth }, ...structure(rest, key, depth + 1)];
}

/** One column's value as the reader should see it. */
export function formatValue(column: string, type: string | undefined, value: unknown): ReadableLine[] {
  if (!present(value)) return [{ text: Array.isArray(value) ? 'None' : 'Not recorded', depth: 0 }];
  if (column === 'account_last4')
    return [
      {
        text: `We hold your bank details: account ending ${String(value)}. We keep them locked (encrypted), and only show the last four numbers.`,
        depth: 0,
      },
    ];
  if (column === 'sds_option') return [{ text: `Option ${String(value)}`, depth: 0 }];
  if (type === 'date' && typeof value === 'string')
    return [{ text: formatDate(value.slice(0, 10)), depth: 0 }];
  if (type?.startsWith('timestamp') && typeof value === 'string')
    return [{ text: formatDateTime(value), depth: 0 }];
  // Money is integer pence in bigint columns (the house rule); other numbers are counts.
  if (type === 'bigint') return [{ text: formatPence(Number(value)), depth: 0 }];
  if (type === 'integer' || type === 'smallint') return [{ text: String(value), depth: 0 }];
  return structure(value, column, 0);
}

export interface ReadableEntry {
  key: string;
  lines: ReadableLine[];
}

export interface ReadableSection {
  id: string;
  heading: string;
  intro: string | null;
  entries: ReadableEntry[][];
}

export interface ReadableCopy {
  sections: ReadableSection[];
  whoLookedHeading: string;
  audit: { when: string; who: string; what: string; reason: string | null }[];
}

/** The export as a document: sections of labelled, formatted entries, for the page and the PDF. */
export function readableExport(data: PersonExport): ReadableCopy {
  const entryOf = (table: string, row: Row): ReadableEntry[] => {
    const types = data.columns[table] ?? {};
    // The table's own column order (a row from to_jsonb is ordered by key length).
    const columns = [...Object.keys(types), ...Object.keys(row).filter((c) => !(c in types))];
    return columns
      .filter(
        (column) => column in row && !HIDDEN.has(column) && !SECRET.test(column) && types[column] !== 'uuid',
      )
      .map((column) => ({
        key: SECTIONS[table]?.labels?.[column] ?? COLUMN_LABELS[column] ?? humanise(column),
        lines: formatValue(column, types[column], row[column]),
      }));
  };
  const section = (table: string, found: Row[]): ReadableSection => ({
    id: table.replaceAll('_', '-'),
    heading: SECTIONS[table]?.heading ?? humanise(table),
    intro: SECTIONS[table]?.intro ?? null,
    entries: found.map((row) => entryOf(table, row)),
  });
  const order = Object.keys(SECTIONS);
  const tables = Object.keys(data.sections).sort((a, b) => {
    const [x, y] = [order.indexOf(a), order.indexOf(b)];
    return (x < 0 ? order.length : x) - (y < 0 ? order.length : y) || a.localeCompare(b);
  });
  const sections = [
    ...(data.person ? [section('people', [data.person])] : []),
    ...tables.map((table) => section(table, data.sections[table]!)),
  ];
  const audit = data.audit.map((e) => ({
    when: formatDateTime(e.occurredAt),
    who: `${e.actorName} (${ROLE_LABELS[e.actorRole as Role] ?? e.actorRole})`,
    what: describeEvent(e),
    reason: e.reason,
  }));
  return { sections, whoLookedHeading: WHO_LOOKED_HEADING, audit };
}

/**
 * The computer-readable copy: every value as stored, so it can be loaded elsewhere, without
 * secrets (the bank details' ciphertext, token hashes) or the audit chain's internals; each
 * audit event carries its plain words beside its catalogue name.
 */
export function machineExport(data: PersonExport) {
  const clean = (row: Row) =>
    Object.fromEntries(Object.entries(row).filter(([column]) => !SECRET.test(column)));
  return {
    exportedAt: data.exportedAt,
    council: data.councilName,
    person: data.person ? clean(data.person) : null,
    sections: Object.fromEntries(
      Object.entries(data.sections).map(([table, found]) => [table, found.map(clean)]),
    ),
    audit: data.audit.map((e) => ({
      occurredAt: e.occurredAt,
      who: e.actorName,
      role: e.actorRole,
      action: catalogueName(e.action, e.outcome) ?? e.action,
      what: describeEvent(e),
      outcome: e.outcome,
      reason: e.reason,
      ...(e.detail ? { detail: e.detail } : {}),
    })),
  };
}

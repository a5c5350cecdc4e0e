import { dateField, field } from '../../platform/http/forms.ts';
import { type FieldError, Problem } from '../../platform/http/problem.ts';
import { poundsOrError } from '../../platform/money/index.ts';
import type { PolicyDraftInput } from './policy-service.ts';
import type { NeedInput } from './service.ts';

/*
 * Web forms post flat names that are the same paths the rules use for errors
 * ("needs[2].quantityPerWeek", "supportUnits[0].ratePence"), so each error sits beside
 * its own box. Blank rows are left out, and errors are mapped back to the row shown.
 */

export const NEED_ROWS_SPARE = 3;
export const UNIT_ROWS_SPARE = 2;

const QUANTITY = /^\d{1,4}(\.\d{1,2})?$/;

/** "2.5" → 2.5; anything else → NaN, which the rules report with a plain message. */
export const quantity = (text: string) => (QUANTITY.test(text.trim()) ? Number(text.trim()) : Number.NaN);

function rowCount(body: unknown, prefix: string): number {
  let max = -1;
  for (const key of Object.keys((body as Record<string, unknown>) ?? {})) {
    const match = new RegExp(`^${prefix}\\[(\\d{1,3})\\]\\.`).exec(key);
    if (match) max = Math.max(max, Number(match[1]));
  }
  return max + 1;
}

/** Rows with anything filled in, remembering which row of the form each came from. */
function filledRows(body: unknown, prefix: string, names: string[]) {
  const found: { row: number; values: Record<string, string> }[] = [];
  for (let row = 0; row < rowCount(body, prefix); row++) {
    const values = Object.fromEntries(names.map((n) => [n, field(body, `${prefix}[${row}].${n}`).trim()]));
    if (Object.values(values).some(Boolean)) found.push({ row, values });
  }
  return found;
}

/** Put errors about the k-th filled row back on the form row it came from. */
export function remapErrors(errors: FieldError[], prefix: string, rows: number[]): FieldError[] {
  return errors.map((e) => ({
    ...e,
    field: e.field.replace(
      new RegExp(`^${prefix}\\[(\\d+)\\]`),
      (_m, k) => `${prefix}[${rows[Number(k)] ?? k}]`,
    ),
  }));
}

export function needsFromForm(body: unknown, prefix = 'needs') {
  const rows = filledRows(body, prefix, ['outcomeId', 'unitCode', 'quantityPerWeek']);
  const needs: NeedInput[] = rows.map(({ values }) => ({
    outcomeId: values.outcomeId!,
    unitCode: values.unitCode!,
    quantityPerWeek: quantity(values.quantityPerWeek!),
  }));
  return { needs, rows: rows.map((r) => r.row) };
}

/** The indicative budget form: needs, one-off costs, other funding and the reason. */
export function indicativeFromForm(body: unknown) {
  const errors: FieldError[] = [];
  const { needs, rows } = needsFromForm(body);
  const oneOffs = filledRows(body, 'oneOffs', ['label', 'amount', 'reason']).map(({ row, values }) => ({
    label: values.label!,
    reason: values.reason!,
    amount: poundsOrError(values.amount!, `oneOffs[${row}].amount`, errors, 'the one-off cost'),
  }));
  const fundingStreams = filledRows(body, 'fundingStreams', [
    'source',
    'weeklyAmount',
    'conditions',
    'contact',
  ]).map(({ row, values }) => ({
    stream: field(body, `fundingStreams[${row}].stream`),
    source: values.source!,
    weeklyAmount: poundsOrError(
      values.weeklyAmount!,
      `fundingStreams[${row}].weeklyAmount`,
      errors,
      'the amount a week',
    ),
    conditions: values.conditions || null,
    contact: values.contact || null,
  }));
  if (errors.length) throw Problem.invalid(errors);
  return { input: { needs, oneOffs, fundingStreams, reason: field(body, 'reason') }, rows };
}

/** "7.5" (per cent) → 750 basis points; anything else → NaN for the rules to refuse. */
const basisPoints = (text: string) =>
  /^\d{1,3}(\.\d{1,2})?$/.test(text.trim()) ? Math.round(Number(text) * 100) : Number.NaN;

/** The draft policy form: label, start date, units with rates in pounds, contingency, bands. */
export function policyDraftFromForm(body: unknown): {
  draft: PolicyDraftInput;
  unitRows: number[];
  bandRows: number[];
} {
  const errors: FieldError[] = [];
  const units = filledRows(body, 'supportUnits', ['code', 'name', 'unit', 'ratePence', 'description']);
  const bands = filledRows(body, 'bands', ['code', 'label', 'weeklyAmount']);
  const effectiveFrom = dateField(body, 'effectiveFrom');
  const draft: PolicyDraftInput = {
    versionLabel: field(body, 'versionLabel').trim(),
    effectiveFrom,
    coProducedWith: field(body, 'coProducedWith').trim() || null,
    contingencyBasisPoints: basisPoints(field(body, 'contingencyBasisPoints')),
    supportUnits: units.map(({ row, values }) => ({
      code: values.code!,
      name: values.name!,
      unit: values.unit!,
      ratePence: poundsOrError(values.ratePence!, `supportUnits[${row}].ratePence`, errors, 'the rate'),
      ...(values.description ? { description: values.description } : {}),
    })),
    bands: bands.map(({ row, values }) => ({
      code: values.code!,
      label: values.label!,
      weeklyAmount: poundsOrError(
        values.weeklyAmount!,
        `bands[${row}].weeklyAmount`,
        errors,
        'the amount a week',
      ),
    })),
  };
  if (errors.length) throw Problem.invalid(errors);
  return { draft, unitRows: units.map((u) => u.row), bandRows: bands.map((b) => b.row) };
}

/** The form's values, flat, to show the answers again after an error. */
export function formValues(body: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries((body as Record<string, unknown>) ?? {}))
    if (key !== '_csrf' && typeof value === 'string') values[key] = value;
  return values;
}

import type { FastifyReply } from 'fastify';
import { formatDate, isIsoDate } from '../dates.ts';
import { type FieldError, Problem } from './problem.ts';
import { dateField, dateParts, field, fieldList, submitForm } from './forms.ts';

/**
 * The GOV.UK question page → check your answers → save pattern, without JavaScript and
 * without storing drafts: the check page carries the answers in hidden fields, each
 * "Change" button posts them back to the question page, and "Save" posts them to be saved.
 * One field list drives the question page, the check page and reading the form.
 */
export interface Item {
  value: string;
  text: string;
  hint?: string;
}

export interface FieldDef {
  name: string;
  label: string;
  hint?: string;
  type: 'text' | 'textarea' | 'date' | 'radios' | 'checkboxes' | 'select' | 'yesno';
  items?: Item[];
  /** govuk width class, e.g. 'govuk-input--width-10' */
  classes?: string;
  autocomplete?: string;
  inputmode?: string;
  spellcheck?: boolean;
  /** Leave out of the check page (e.g. an empty optional answer is shown as "Not given"). */
  optional?: boolean;
}

export interface QuestionPage {
  title: string;
  caption?: string;
  intro?: string;
  action: string;
  backLink: string;
  fields: FieldDef[];
  /** Carried through every step, e.g. the record version the change started from. */
  hidden?: Record<string, string | number>;
  submitText?: string;
  checkTitle?: string;
  /** The check page's save button, when "Save" would not say what happens. */
  saveText?: string;
}

export type FormValues = Record<string, string | string[]>;

const asString = (value: unknown) => (typeof value === 'string' ? value : '');

/** The answers as posted: dates from their three boxes, checkboxes as lists. */
export function readForm(fields: FieldDef[], body: unknown): FormValues {
  const values: FormValues = {};
  for (const f of fields) {
    if (f.type === 'checkboxes') {
      values[f.name] = fieldList(body, f.name);
    } else if (f.type === 'date') {
      const { day, month, year } = dateParts(body, f.name);
      values[`${f.name}-day`] = day.trim();
      values[`${f.name}-month`] = month.trim();
      values[`${f.name}-year`] = year.trim();
      values[f.name] = dateField(body, f.name);
    } else {
      values[f.name] = field(body, f.name);
    }
  }
  return values;
}

/** Stored values → form values, splitting ISO dates into their three boxes. */
export function formFrom(fields: FieldDef[], record: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const f of fields) {
    const v = record[f.name];
    if (f.type === 'checkboxes') values[f.name] = Array.isArray(v) ? v.map(String) : [];
    else if (f.type === 'yesno') values[f.name] = v === true ? 'yes' : v === false ? 'no' : '';
    else if (f.type === 'date') {
      const iso = typeof v === 'string' ? v : '';
      const [y = '', m = '', d = ''] = iso ? iso.split('-') : [];
      Object.assign(values, {
        [f.name]: iso,
        [`${f.name}-day`]: d,
        [`${f.name}-month`]: m,
        [`${f.name}-year`]: y,
      });
    } else values[f.name] = v == null ? '' : String(v);
  }
  return values;
}

export const text = (values: FormValues, name: string) => {
  const v = values[name];
  return typeof v === 'string' ? v : '';
};
export const list = (values: FormValues, name: string) => {
  const v = values[name];
  return Array.isArray(v) ? v : v ? [v] : [];
};
export const yes = (values: FormValues, name: string) => values[name] === 'yes';

function display(field: FieldDef, values: FormValues): string {
  const label = (code: string) => field.items?.find((i) => i.value === code)?.text ?? code;
  if (field.type === 'checkboxes') {
    const chosen = list(values, field.name);
    return chosen.length ? chosen.map(label).join('\n') : 'None';
  }
  if (field.type === 'yesno') return yes(values, field.name) ? 'Yes' : 'No';
  const v = text(values, field.name);
  if (!v) return 'Not given';
  if (field.type === 'date') return isIsoDate(v) ? formatDate(v) : v;
  return field.items ? label(v) : v;
}

/** The hidden fields that carry every answer to the next step, as the browser posted them. */
function carried(fields: FieldDef[], values: FormValues) {
  const out: { name: string; value: string }[] = [];
  for (const f of fields) {
    if (f.type === 'checkboxes') for (const v of list(values, f.name)) out.push({ name: f.name, value: v });
    else if (f.type === 'date')
      for (const part of ['day', 'month', 'year'])
        out.push({ name: `${f.name}-${part}`, value: text(values, `${f.name}-${part}`) });
    else out.push({ name: f.name, value: text(values, f.name) });
  }
  return out;
}

/**
 * Handles a POST of a question page or its check page.
 * `check` throws Problem.invalid for bad answers; `save` writes and returns where to go next.
 */
export async function questionFlow(
  reply: FastifyReply,
  page: QuestionPage,
  body: unknown,
  steps: {
    check: (values: FormValues) => Promise<FieldError[]> | FieldError[];
    save: (values: FormValues) => Promise<string>;
  },
) {
  const values = readForm(page.fields, body);
  const step = asString((body as Record<string, unknown> | undefined)?._step);
  const form = { template: 'question.njk', context: { ...page }, values };
  if (step === 'change') return reply.render(form.template, { ...form.context, values });
  return submitForm(reply, form, async () => {
    const errors = await steps.check(values);
    if (errors.length) throw Problem.invalid(errors);
    if (step === 'confirm') return reply.redirect(await steps.save(values), 303);
    return reply.render('check-answers.njk', {
      ...page,
      title: page.checkTitle ?? 'Check your answers',
      rows: page.fields
        .filter((f) => !(f.optional && display(f, values) === 'Not given'))
        .map((f) => ({ key: f.label, value: display(f, values), field: f.name })),
      carried: carried(page.fields, values),
    });
  });
}

/** Renders a question page with stored answers (or blank ones). */
export function showQuestion(reply: FastifyReply, page: QuestionPage, values: FormValues = {}) {
  return reply.render('question.njk', { ...page, values });
}

export const itemsFrom = (list: Record<string, string>): Item[] =>
  Object.entries(list).map(([value, text]) => ({ value, text }));

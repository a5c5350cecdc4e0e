/**
 * Checks made every time a plan version is saved. Drafts may be unfinished (empty sections
 * are checked at submission), but anything that is written must make sense: a cost line
 * names its funding stream and an option the council offers, a restriction gives its reason.
 */
import type { FieldError } from '../../../platform/http/problem.ts';
import { type FundingStreamView, streamChoiceError } from '../../council-settings/index.ts';
import type { SupportPlanContent } from './content.ts';
import { type CostLine, validateCostLine } from './costs.ts';
import type { SdsOption } from '../options/rules.ts';
import { validateRestriction } from './restrictions.ts';

/**
 * The council's funding streams a plan is checked against. A stream the council has since
 * retired may stay on a line the plan already had (same outcome, description and stream), so
 * an old plan can still be changed elsewhere; a new line must use a stream still in use.
 */
export interface StreamContext {
  streams: readonly FundingStreamView[];
  keptLines: readonly CostLine[];
}

const kept = (line: CostLine, keptLines: readonly CostLine[]) =>
  keptLines.some(
    (k) =>
      k.fundingStream === line.fundingStream &&
      k.outcomeRef === line.outcomeRef &&
      k.description === line.description,
  );

/** One cost line, with field names as they are on the line itself ('fundingStream'). */
export function validateCostLineForSave(
  line: CostLine,
  offered: ReadonlySet<SdsOption>,
  outcomeRefs: ReadonlySet<string>,
  streams: StreamContext,
): FieldError[] {
  const errors = validateCostLine(line);
  const has = (field: string) => errors.some((e) => e.field === field);
  if (!has('fundingStream')) {
    const refusal = streamChoiceError(line.fundingStream, streams.streams);
    const retiredButKept =
      refusal && streams.streams.some((s) => s.code === line.fundingStream) && kept(line, streams.keptLines);
    if (refusal && !retiredButKept) errors.push({ field: 'fundingStream', message: refusal });
  }
  if (!has('sdsOption')) {
    if (line.sdsOption === 4) {
      // A mix is made of lines; each line is arranged one way.
      errors.push({
        field: 'sdsOption',
        message: 'Each piece of support is arranged one way: select option 1, 2 or 3',
      });
    } else if (!offered.has(line.sdsOption)) {
      errors.push({ field: 'sdsOption', message: `This council does not offer option ${line.sdsOption}` });
    }
  }
  if (!has('outcomeRef') && !outcomeRefs.has(line.outcomeRef)) {
    errors.push({ field: 'outcomeRef', message: 'Select one of the outcomes in this plan' });
  }
  return errors;
}

export function validateForSave(
  content: SupportPlanContent,
  offered: ReadonlySet<SdsOption>,
  streams: StreamContext,
): FieldError[] {
  const errors: FieldError[] = [];
  const refs = new Set<string>();
  content.outcomes.forEach((o, i) => {
    if (o.ref.trim() === '' || refs.has(o.ref)) {
      errors.push({ field: `outcomes[${i}].ref`, message: 'Each outcome needs its own reference' });
    }
    refs.add(o.ref);
  });
  content.costLines.forEach((line, i) => {
    for (const e of validateCostLineForSave(line, offered, refs, streams))
      errors.push({ field: `costLines[${i}].${e.field}`, message: e.message });
  });
  content.risks.forEach((r, i) => {
    if (r.description.trim() === '')
      errors.push({ field: `risks[${i}].description`, message: 'Describe the risk' });
  });
  content.restrictions.forEach((r, i) => {
    for (const e of validateRestriction(r))
      errors.push({ field: `restrictions[${i}].${e.field}`, message: e.message });
  });
  content.nonNegotiables.forEach((n, i) => {
    if (n.description.trim() === '')
      errors.push({ field: `nonNegotiables[${i}].description`, message: 'Describe what the order requires' });
    if (n.legalOrder.trim() === '')
      errors.push({
        field: `nonNegotiables[${i}].legalOrder`,
        message: 'Name the legal order this comes from',
      });
  });
  return errors;
}

/**
 * Checks made every time a plan version is saved. Drafts may be unfinished (empty sections
 * are checked at submission), but anything that is written must make sense: a cost line
 * names its funding stream and an option the council offers, a restriction gives its reason.
 */
import type { FieldError } from '../../../platform/http/problem.ts';
import { FUNDING_STREAMS } from './catalogue.ts';
import type { SupportPlanContent } from './content.ts';
import { type CostLine, validateCostLine } from './costs.ts';
import type { SdsOption } from '../options/rules.ts';
import { validateRestriction } from './restrictions.ts';

/** One cost line, with field names as they are on the line itself ('fundingStream'). */
export function validateCostLineForSave(
  line: CostLine,
  offered: ReadonlySet<SdsOption>,
  outcomeRefs: ReadonlySet<string>,
): FieldError[] {
  const errors = validateCostLine(line);
  const has = (field: string) => errors.some((e) => e.field === field);
  if (!has('fundingStream') && !Object.hasOwn(FUNDING_STREAMS, line.fundingStream)) {
    errors.push({ field: 'fundingStream', message: 'Select a funding stream from the list' });
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

export function validateForSave(content: SupportPlanContent, offered: ReadonlySet<SdsOption>): FieldError[] {
  const errors: FieldError[] = [];
  const refs = new Set<string>();
  content.outcomes.forEach((o, i) => {
    if (o.ref.trim() === '' || refs.has(o.ref)) {
      errors.push({ field: `outcomes[${i}].ref`, message: 'Each outcome needs its own reference' });
    }
    refs.add(o.ref);
  });
  content.costLines.forEach((line, i) => {
    for (const e of validateCostLineForSave(line, offered, refs))
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

/**
 * Is the plan finished? A pure check beside the lifecycle (rules.ts): a plan with
 * anything missing is never shared, signed, submitted or agreed, because each of those
 * steps is someone reading and committing to the whole plan. Drafts may be unfinished.
 *
 * What "finished" means:
 * - at least one outcome, each in the person's own words and saying how it will be met
 *   (an outcome the page shows as "Not written yet" is not finished);
 * - every cost line is a sound line (validateCostLine) for one of the plan's own outcomes,
 *   so no money is planned for no outcome;
 * - the contingency is written, every risk says how the person is supported to take it,
 *   every restriction gives its reason and review, every legal requirement names its order.
 *
 * Each missing thing is a field error whose field is its path in the plan's content, e.g.
 * 'outcomes[2].howMet' or 'costLines[0].outcomeRef'; the API puts `content.` in front.
 */
import type { FieldError } from '../../../platform/http/problem.ts';
import type { SupportPlanContent } from './content.ts';
import { validateCostLine } from './costs.ts';
import { validateRestriction } from './restrictions.ts';

export function missingFromPlan(content: SupportPlanContent): FieldError[] {
  const errors: FieldError[] = [];
  if (content.outcomes.length === 0) errors.push({ field: 'outcomes', message: 'Add at least one outcome' });
  const refs = new Set(content.outcomes.map((o) => o.ref));
  content.outcomes.forEach((o, i) => {
    const words = o.personWords.trim();
    if (words === '') {
      errors.push({
        field: `outcomes[${i}].personWords`,
        message: `Write outcome ${i + 1} in the words of the person`,
      });
    }
    if (o.howMet.trim() === '') {
      errors.push({
        field: `outcomes[${i}].howMet`,
        message: words ? `Say how ‘${words}’ will happen` : `Say how outcome ${i + 1} will happen`,
      });
    }
  });
  content.costLines.forEach((line, i) => {
    const name = line.description.trim() ? `‘${line.description.trim()}’` : `Cost line ${i + 1}`;
    for (const e of validateCostLine(line))
      errors.push({ field: `costLines[${i}].${e.field}`, message: `${name}: ${e.message}` });
    if (line.outcomeRef.trim() !== '' && !refs.has(line.outcomeRef)) {
      errors.push({
        field: `costLines[${i}].outcomeRef`,
        message: `${name} is for an outcome that is not in the plan: take it out or choose one of the plan’s outcomes`,
      });
    }
  });
  if (content.contingency.trim() === '') {
    errors.push({ field: 'contingency', message: 'Say what will happen if things go wrong' });
  }
  content.risks.forEach((r, i) => {
    if (r.howEnabled.trim() === '') {
      errors.push({
        field: `risks[${i}].howEnabled`,
        message: `Say how the person will be supported to take the risk ‘${r.description.trim()}’`,
      });
    }
  });
  content.restrictions.forEach((r, i) => {
    for (const e of validateRestriction(r))
      errors.push({ field: `restrictions[${i}].${e.field}`, message: e.message });
  });
  content.nonNegotiables.forEach((n, i) => {
    if (n.legalOrder.trim() === '') {
      errors.push({
        field: `nonNegotiables[${i}].legalOrder`,
        message: 'Name the legal order this comes from',
      });
    }
  });
  return errors;
}

/** The part of the plan a missing thing is in, by its path: 'outcomes', 'costLines', … with its index. */
export function missingPart(field: string): { list: string; index: number | null; key: string | null } {
  const match = /^(\w+)(?:\[(\d+)\])?(?:\.(\w+))?$/.exec(field);
  if (!match) return { list: field, index: null, key: null };
  return { list: match[1]!, index: match[2] === undefined ? null : Number(match[2]), key: match[3] ?? null };
}

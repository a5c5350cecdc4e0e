/**
 * What a support plan says, as plain JSON so a version can be stored, compared and shown.
 * The person's own words are kept beside, never replaced by, the worker's view.
 */
import type { FieldError } from '../people/rules.ts';
import { type CostLine, validateCostLine } from './costs.ts';
import { type Restriction, validateRestriction } from './restrictions.ts';

export interface PlanOutcome {
  ref: string;
  /** What the person wants, in their own words. */
  personWords: string;
  workerView: string;
  /** How the outcome will be met. */
  howMet: string;
  /** How the support can change from week to week without asking first (the person's words). */
  flexibility?: string;
}

/** A risk the person chooses to take, and how they are enabled to take it safely. */
export interface EnabledRisk {
  description: string;
  howEnabled: string;
  /** What the person thinks about the risk, in their words: why it matters to them. */
  personView?: string;
  /** What was agreed between the person and the council about it. */
  whatAgreed?: string;
}

/** Something required by a legal order (mental health, criminal justice): not open to negotiation. */
export interface NonNegotiable {
  description: string;
  legalOrder: string;
}

export interface SupportPlanContent {
  /** About me: who I am and what a good life looks like, in the person's words. */
  aboutMe?: string;
  outcomes: PlanOutcome[];
  costLines: CostLine[];
  /** What happens if things go wrong. */
  contingency: string;
  risks: EnabledRisk[];
  restrictions: Restriction[];
  nonNegotiables: NonNegotiable[];
}

export function emptyPlanContent(): SupportPlanContent {
  return { outcomes: [], costLines: [], contingency: '', risks: [], restrictions: [], nonNegotiables: [] };
}

/**
 * Checks a plan is complete enough to send for agreement. Drafts may be unfinished; these
 * checks run at submission. Field names carry the list position, e.g. 'costLines[2].weeklyCost'.
 */
export function validatePlanForSubmission(content: SupportPlanContent): FieldError[] {
  const errors: FieldError[] = [];
  if (content.outcomes.length === 0) errors.push({ field: 'outcomes', message: 'Add at least one outcome' });
  const refs = new Set(content.outcomes.map((o) => o.ref));
  content.outcomes.forEach((o, i) => {
    if (o.personWords.trim() === '') {
      errors.push({
        field: `outcomes[${i}].personWords`,
        message: 'Write the outcome in the words of the person',
      });
    }
  });
  content.costLines.forEach((line, i) => {
    for (const e of validateCostLine(line))
      errors.push({ field: `costLines[${i}].${e.field}`, message: e.message });
    if (line.outcomeRef.trim() !== '' && !refs.has(line.outcomeRef)) {
      errors.push({
        field: `costLines[${i}].outcomeRef`,
        message: 'This support is for an outcome not in the plan',
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
        message: 'Say how the person will be supported to take this risk',
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

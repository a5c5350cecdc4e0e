/**
 * What a support plan says, as plain JSON so a version can be stored, compared and shown.
 * The person's own words are kept beside, never replaced by, the worker's view.
 */
import type { CostLine } from './costs.ts';
import type { Restriction } from './restrictions.ts';

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

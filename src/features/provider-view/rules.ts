/**
 * What a provider sees of a person: only what it needs to deliver its part of the agreed
 * plan (issue 12 item 16). Pure functions over the person row and the plan content, each an
 * allow-list — a field is shown only because it is named here, so a column added to the
 * record later is never shown to providers by accident.
 *
 * Shown: the person's names and pronouns, how to reach them (address, phone, e-mail), their
 * language and communication needs; the plan lines this provider delivers (no other
 * provider's, no costs) with the outcome each is for in the person's own words; the
 * contingency; restrictions, non-negotiables (without naming the order) and enabled risks.
 * Never: CHI or NHS numbers, date of birth, client group, case status or referral, crisis,
 * conversations, eligibility, budget, equality answers, representatives, circle, payments.
 */
import type { SupportPlanContent } from '../plans/index.ts';
import { RESTRICTION_REASON_KINDS } from '../plans/index.ts';
import { COMMUNICATION_NEEDS, labelOf } from '../people/index.ts';

export interface ProviderPersonFields {
  legalName: string;
  preferredName: string | null;
  pronouns: string | null;
  phone: string | null;
  email: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  town: string | null;
  postcode: string | null;
  mainLanguage: string;
  interpreterNeeded: boolean;
  communicationNeeds: string[];
  communicationOther: string | null;
}

export interface ProviderPerson {
  name: string;
  legalName: string;
  preferredName: string | null;
  pronouns: string | null;
  phone: string | null;
  email: string | null;
  address: string[];
  mainLanguage: string;
  interpreterNeeded: boolean;
  communication: string[];
}

export interface ProviderSupportLine {
  description: string;
  frequency: string;
  /** The outcome this support is for, as the plan says it. */
  outcome: { personWords: string; howMet: string; flexibility: string | null } | null;
}

export interface ProviderPart {
  lines: ProviderSupportLine[];
  contingency: string | null;
  restrictions: { description: string; reason: string; reviewOn: string }[];
  nonNegotiables: { description: string }[];
  risks: { description: string; howEnabled: string; personView: string | null; whatAgreed: string | null }[];
}

export function providerPerson(p: ProviderPersonFields): ProviderPerson {
  return {
    name: p.preferredName ?? p.legalName,
    legalName: p.legalName,
    preferredName: p.preferredName,
    pronouns: p.pronouns,
    phone: p.phone,
    email: p.email,
    address: [p.addressLine1, p.addressLine2, p.town, p.postcode].filter((x): x is string => Boolean(x)),
    mainLanguage: p.mainLanguage,
    interpreterNeeded: p.interpreterNeeded,
    communication: p.communicationNeeds.map((c) =>
      c === 'other' && p.communicationOther ? p.communicationOther : labelOf(COMMUNICATION_NEEDS, c),
    ),
  };
}

/**
 * The part of an agreed plan a provider delivers: the lines marked as delivered by it, each
 * with its outcome; nothing from a plan it has no line in except what keeps the person safe.
 */
export function providerPart(content: SupportPlanContent | null, providerId: string): ProviderPart {
  const lines = (content?.costLines ?? []).filter((line) => line.deliveredBy === providerId);
  const outcomes = new Map((content?.outcomes ?? []).map((o) => [o.ref, o]));
  return {
    lines: lines.map((line) => {
      const outcome = outcomes.get(line.outcomeRef);
      return {
        description: line.description,
        frequency: line.frequency,
        outcome: outcome
          ? {
              personWords: outcome.personWords,
              howMet: outcome.howMet,
              flexibility: outcome.flexibility || null,
            }
          : null,
      };
    }),
    // What happens if things go wrong, restrictions and risks concern everyone who supports
    // the person, but only a provider with a part in the plan needs them.
    contingency: lines.length ? content?.contingency || null : null,
    restrictions: lines.length
      ? (content?.restrictions ?? []).map((r) => ({
          description: r.description,
          reason: RESTRICTION_REASON_KINDS[r.reasonKind] ?? 'A decision',
          reviewOn: r.reviewOn,
        }))
      : [],
    nonNegotiables: lines.length
      ? (content?.nonNegotiables ?? []).map((n) => ({ description: n.description }))
      : [],
    risks: lines.length
      ? (content?.risks ?? []).map((r) => ({
          description: r.description,
          howEnabled: r.howEnabled,
          personView: r.personView || null,
          whatAgreed: r.whatAgreed || null,
        }))
      : [],
  };
}

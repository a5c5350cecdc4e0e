/**
 * What the support plan costs: one line per piece of support, each tied to an outcome, an
 * SDS option and a funding stream, so the person can see where every penny goes.
 */
import {
  type Explained,
  type ExplanationLine,
  formatPence,
  type Pence,
  sumPence,
} from '../../../platform/money/index.ts';
import type { FieldError } from '../../../platform/http/problem.ts';
import { fundingStreamLabel } from './catalogue.ts';
import { SDS_OPTION_NAMES, type SdsOption } from '../options/rules.ts';

export const PROVIDER_KINDS = {
  personal_assistant: 'Personal assistant',
  provider: 'Care provider',
  community_resource: 'Community group or service',
  family_and_friends_unpaid: 'Family and friends (unpaid)',
} as const;
export type ProviderKind = keyof typeof PROVIDER_KINDS;

export interface CostLine {
  /** Which of the person's outcomes this support is for. */
  outcomeRef: string;
  description: string;
  providerKind: ProviderKind;
  /** As the person would say it: "3 mornings a week", "one weekend a month". */
  frequency: string;
  weeklyCost: Pence;
  /** e.g. 'social_care', 'health', 'housing_support' — several streams make one budget. */
  fundingStream: string;
  sdsOption: SdsOption;
  /**
   * The provider account that delivers this support, when it uses Selfdirect: that provider
   * sees this line, and no other, in its view of the person (provider-view/service.ts).
   */
  deliveredBy?: string | null;
}

/**
 * A line may name as its provider only an account that works with the person (a provider
 * relationship in force), or keep the provider it already had in the version it came from.
 */
export function deliveredByErrors(lines: readonly CostLine[], allowed: ReadonlySet<string>): FieldError[] {
  return lines.flatMap((line, i) =>
    line.deliveredBy && !allowed.has(line.deliveredBy)
      ? [{ field: `costLines[${i}].deliveredBy`, message: 'Choose a provider who works with this person' }]
      : [],
  );
}

export function validateCostLine(line: CostLine): FieldError[] {
  const errors: FieldError[] = [];
  if (line.outcomeRef.trim() === '') {
    errors.push({ field: 'outcomeRef', message: 'Select the outcome this support is for' });
  }
  if (line.description.trim() === '') errors.push({ field: 'description', message: 'Describe the support' });
  if (!Object.hasOwn(PROVIDER_KINDS, line.providerKind)) {
    errors.push({ field: 'providerKind', message: 'Select who gives the support' });
  }
  if (line.frequency.trim() === '')
    errors.push({ field: 'frequency', message: 'Say how often the support happens' });
  if (!Number.isSafeInteger(line.weeklyCost) || line.weeklyCost < 0) {
    errors.push({ field: 'weeklyCost', message: 'Weekly cost must be an amount of money, like 21.40' });
  } else if (line.providerKind === 'family_and_friends_unpaid' && line.weeklyCost !== 0) {
    // Unpaid help is counted in the plan so it is seen and valued, but it is never paid from the budget.
    errors.push({ field: 'weeklyCost', message: 'Unpaid help from family and friends must cost £0' });
  }
  if (line.fundingStream.trim() === '') {
    errors.push({ field: 'fundingStream', message: 'Select which funding stream pays for this support' });
  }
  if (!Object.hasOwn(SDS_OPTION_NAMES, line.sdsOption)) {
    errors.push({
      field: 'sdsOption',
      message: 'Select how this support will be arranged (option 1, 2, 3 or 4)',
    });
  }
  return errors;
}

export interface PlanTotals {
  /** One explanation line per cost line. */
  weekly: Explained;
  /** One line per SDS option used, in option order; sums to the same total. */
  byOption: Explained;
  /** One line per funding stream, in the order they first appear; sums to the same total. */
  byFundingStream: Explained;
}

/** The plan's outcomes, so a cost line can name the outcome it is for in the person's words. */
export type OutcomeWords = readonly { ref: string; personWords: string }[];

/**
 * Why a cost line is in the plan, in plain words: "Personal assistant support for ‘I want
 * to go swimming again’ (option 1)". Never an internal reference.
 */
export function costLineReason(line: CostLine, outcomes: OutcomeWords): string {
  const who = PROVIDER_KINDS[line.providerKind] ?? 'Support';
  const words = outcomes.find((o) => o.ref === line.outcomeRef)?.personWords.trim();
  const what = words ? `‘${words}’` : 'an outcome that is no longer in the plan';
  return `${who} support for ${what} (option ${line.sdsOption})`;
}

/**
 * Adds up the plan. `source` names where the figures come from (e.g. "Support plan version 3"),
 * shown where budget explanations show a policy version; `outcomes` lets each line say which
 * outcome it is for.
 */
export function planTotals(
  lines: readonly CostLine[],
  source = 'This support plan',
  outcomes: OutcomeWords = [],
  /** A stream's label: the council's own list (council feature) where the caller has it. */
  label: (stream: string) => string = fundingStreamLabel,
): PlanTotals {
  const total = sumPence(lines.map((l) => l.weeklyCost));
  const line = (label: string, amount: Pence, rule: string): ExplanationLine => ({
    label,
    amount,
    rule,
    policyVersion: source,
  });
  const notes = lines.length === 0 ? ['The plan has no costs yet.'] : [];

  const options = [...new Set(lines.map((l) => l.sdsOption))].sort((a, b) => a - b);
  const streams = [...new Set(lines.map((l) => l.fundingStream))];
  const sumWhere = (keep: (l: CostLine) => boolean) => sumPence(lines.filter(keep).map((l) => l.weeklyCost));

  return {
    weekly: {
      total,
      lines: lines.map((l) =>
        line(`${l.description} (${l.frequency})`, l.weeklyCost, costLineReason(l, outcomes)),
      ),
      notes,
    },
    byOption: {
      total,
      lines: options.map((o) =>
        line(
          `Option ${o}: ${SDS_OPTION_NAMES[o]}`,
          sumWhere((l) => l.sdsOption === o),
          `Cost lines using option ${o}`,
        ),
      ),
      notes,
    },
    byFundingStream: {
      total,
      lines: streams.map((s) =>
        line(
          `Paid from ${label(s)}`,
          sumWhere((l) => l.fundingStream === s),
          `Support in the plan paid from ${label(s)}`,
        ),
      ),
      notes,
    },
  };
}

/**
 * The agreed budget's funding streams: the plan's cost lines added up per stream, in the
 * order each stream first appears. Unpaid help (£0) is not a stream of money.
 */
export function fundingStreamTotals(
  lines: readonly CostLine[],
  label: (stream: string) => string = fundingStreamLabel,
) {
  const totals = new Map<string, Pence>();
  for (const line of lines)
    totals.set(line.fundingStream, (totals.get(line.fundingStream) ?? 0) + line.weeklyCost);
  return [...totals]
    .filter(([, weeklyAmount]) => weeklyAmount > 0)
    .map(([stream, weeklyAmount]) => ({ stream, source: label(stream), weeklyAmount }));
}

export interface BudgetCheck {
  withinBudget: boolean;
  /** Agreed budget minus plan total: positive is money not used, negative is over budget. */
  difference: Pence;
  explanation: string;
}

/** Both figures are weekly. */
export function checkAgainstBudget(planTotal: Pence, agreedBudget: Pence): BudgetCheck {
  const difference = agreedBudget - planTotal;
  const costs = `The plan costs ${formatPence(planTotal)} a week`;
  const budget = `the agreed budget of ${formatPence(agreedBudget)} a week`;
  let explanation: string;
  if (difference === 0) explanation = `${costs}. This is exactly ${budget}.`;
  else if (difference > 0) explanation = `${costs}. This is ${formatPence(difference)} less than ${budget}.`;
  else {
    explanation =
      `${costs}. This is ${formatPence(-difference)} more than ${budget}. ` +
      'A manager can only agree it with a written reason for going over.';
  }
  return { withinBudget: difference >= 0, difference, explanation };
}

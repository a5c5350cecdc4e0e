import {
  assertPence,
  type Explained,
  type ExplanationLine,
  formatPence,
  mulDiv,
  type Pence,
  ROUNDING_NOTE,
  sumPence,
} from '../../platform/money/index.ts';
import { convertAmount } from '../../platform/money/periods.ts';
import type { FieldError } from '../../platform/http/problem.ts';

/*
 * The transparent costed budget: each assessed need is a quantity of a published support
 * unit at a published rate, plus a published contingency percentage. No points, no hidden
 * weights: every penny of the indicative budget is a line a person can read and check.
 */

/** Above £500 a unit a rate is almost certainly a typing slip (pounds entered as pence ×100, etc.). */
export const MAX_UNIT_RATE_PENCE: Pence = 50_000;
/** 50%: a contingency larger than that is a second budget, not a safety margin. */
export const MAX_CONTINGENCY_BASIS_POINTS = 5_000;
/** Round-the-clock support from two people: 24 × 7 × 2 hours. More than that is a slip. */
export const MAX_QUANTITY_PER_WEEK = 336;

export interface SupportUnit {
  code: string;
  /** What is bought, e.g. "personal assistant support". */
  name: string;
  /** What one unit is, singular: 'hour', 'session', 'night'. */
  unit: string;
  ratePence: Pence;
  description?: string;
}

/** One published version of a council's budget policy. */
export interface BudgetPolicy {
  versionLabel: string;
  supportUnits: SupportUnit[];
  /** Hundredths of a percent of the weekly support: 500 = 5%. */
  contingencyBasisPoints: number;
  bands?: { code: string; label: string; weeklyAmount: Pence }[];
}

export interface AssessedNeed {
  outcomeRef: string;
  outcomeLabel: string;
  unitCode: string;
  /** Up to two decimal places, e.g. 2.5 hours. */
  quantityPerWeek: number;
  note?: string;
}

export interface OneOffCost {
  label: string;
  amount: Pence;
  reason: string;
}

export interface Budget extends Explained {
  /** Equals `total`: the lines sum to it exactly. */
  weekly: Pence;
  annual: Pence;
  oneOffLines: ExplanationLine[];
  oneOffTotal: Pence;
}

export class BudgetInputError extends Error {
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => `${e.field}: ${e.message}`).join('; '));
    this.name = 'BudgetInputError';
  }
}

const blank = (text: unknown) => typeof text !== 'string' || text.trim() === '';
const percent = (basisPoints: number) => `${basisPoints / 100}%`;
const article = (unit: string) => (/^(hour|honest|[aeiou])/i.test(unit) ? 'an' : 'a');
const plural = (unit: string, hundredths: number) =>
  hundredths === 100 || unit.endsWith('s') ? unit : `${unit}s`;

/** 2.5 → 250. Quantities are held as whole hundredths so money is never multiplied by a float. */
function toHundredths(quantity: number): number | null {
  if (!Number.isFinite(quantity)) return null;
  const hundredths = Math.round(quantity * 100);
  return Math.abs(hundredths - quantity * 100) < 1e-6 ? hundredths : null;
}

export function validateBudgetPolicy(policy: BudgetPolicy): FieldError[] {
  const errors: FieldError[] = [];
  if (blank(policy.versionLabel))
    errors.push({ field: 'versionLabel', message: 'Give the policy version a name.' });
  if (policy.supportUnits.length === 0)
    errors.push({ field: 'supportUnits', message: 'Publish at least one support unit and its rate.' });
  const seen = new Set<string>();
  policy.supportUnits.forEach((u, i) => {
    const at = `supportUnits[${i}]`;
    if (blank(u.code)) errors.push({ field: `${at}.code`, message: 'Give the unit a code.' });
    else if (seen.has(u.code))
      errors.push({ field: `${at}.code`, message: `The code “${u.code}” is used twice.` });
    seen.add(u.code);
    if (blank(u.name)) errors.push({ field: `${at}.name`, message: 'Say what the unit buys.' });
    if (blank(u.unit))
      errors.push({ field: `${at}.unit`, message: 'Say what one unit is, e.g. hour or night.' });
    if (!Number.isSafeInteger(u.ratePence) || u.ratePence <= 0)
      errors.push({
        field: `${at}.ratePence`,
        message: 'The rate must be a whole number of pence above zero.',
      });
    else if (u.ratePence > MAX_UNIT_RATE_PENCE)
      errors.push({
        field: `${at}.ratePence`,
        message: `The rate ${formatPence(u.ratePence)} is more than ${formatPence(MAX_UNIT_RATE_PENCE)} a unit: check it.`,
      });
  });
  const bp = policy.contingencyBasisPoints;
  if (!Number.isInteger(bp) || bp < 0 || bp > MAX_CONTINGENCY_BASIS_POINTS)
    errors.push({
      field: 'contingencyBasisPoints',
      message: `Contingency must be between 0% and ${percent(MAX_CONTINGENCY_BASIS_POINTS)}.`,
    });
  const bandCodes = new Set<string>();
  (policy.bands ?? []).forEach((b, i) => {
    const at = `bands[${i}]`;
    if (blank(b.code)) errors.push({ field: `${at}.code`, message: 'Give the band a code.' });
    else if (bandCodes.has(b.code))
      errors.push({ field: `${at}.code`, message: `The band code “${b.code}” is used twice.` });
    bandCodes.add(b.code);
    if (blank(b.label)) errors.push({ field: `${at}.label`, message: 'Give the band a name.' });
    if (!Number.isSafeInteger(b.weeklyAmount) || b.weeklyAmount < 0)
      errors.push({
        field: `${at}.weeklyAmount`,
        message: 'The amount must be a whole number of pence, 0 or more.',
      });
  });
  return errors;
}

function needErrors(policy: BudgetPolicy, needs: readonly AssessedNeed[], list: string): FieldError[] {
  const errors: FieldError[] = [];
  const units = new Map(policy.supportUnits.map((u) => [u.code, u]));
  const costed = new Map<string, number>();
  needs.forEach((need, i) => {
    const at = `${list}[${i}]`;
    if (blank(need.outcomeRef))
      errors.push({ field: `${at}.outcomeRef`, message: 'Say which outcome this need is for.' });
    if (blank(need.outcomeLabel))
      errors.push({ field: `${at}.outcomeLabel`, message: 'Give the outcome in words.' });
    const unit = units.get(need.unitCode);
    if (!unit)
      errors.push({
        field: `${at}.unitCode`,
        message: `“${need.unitCode}” is not a unit in ${policy.versionLabel}.`,
      });
    const key = `${need.outcomeRef}\u0000${need.unitCode}`;
    const first = costed.get(key);
    if (first !== undefined)
      errors.push({
        field: `${at}.unitCode`,
        message: `This outcome already has ${unit?.name ?? need.unitCode} costed (line ${first + 1}): change that quantity instead.`,
      });
    else costed.set(key, i);
    const hundredths = toHundredths(need.quantityPerWeek);
    if (hundredths === null || hundredths < 0)
      errors.push({
        field: `${at}.quantityPerWeek`,
        message: 'Enter a number, 0 or more, with at most two decimal places.',
      });
    else if (hundredths > MAX_QUANTITY_PER_WEEK * 100)
      errors.push({
        field: `${at}.quantityPerWeek`,
        message: `More than ${MAX_QUANTITY_PER_WEEK} a week: check it.`,
      });
  });
  return errors;
}

/** Field errors in the needs and one-off costs against a policy (the policy itself: `validateBudgetPolicy`). */
export function validateBudgetInput(
  policy: BudgetPolicy,
  needs: readonly AssessedNeed[],
  oneOffs: readonly OneOffCost[] = [],
): FieldError[] {
  const errors = needErrors(policy, needs, 'needs');
  oneOffs.forEach((cost, i) => {
    const at = `oneOffs[${i}]`;
    if (blank(cost.label)) errors.push({ field: `${at}.label`, message: 'Say what the one-off cost is.' });
    if (blank(cost.reason)) errors.push({ field: `${at}.reason`, message: 'Say why it is needed.' });
    if (!Number.isSafeInteger(cost.amount) || cost.amount <= 0)
      errors.push({
        field: `${at}.amount`,
        message: 'The amount must be a whole number of pence above zero.',
      });
  });
  return errors;
}

function needLine(policy: BudgetPolicy, need: AssessedNeed): ExplanationLine {
  const unit = policy.supportUnits.find((u) => u.code === need.unitCode)!;
  const hundredths = toHundredths(need.quantityPerWeek)!;
  const quantity = hundredths / 100;
  return {
    label: `${need.outcomeLabel}: ${quantity} ${plural(unit.unit, hundredths)} a week of ${unit.name} × ${formatPence(unit.ratePence)} ${article(unit.unit)} ${unit.unit}`,
    amount: mulDiv(unit.ratePence, hundredths, 100),
    rule: `Rate: ${unit.name}`,
    policyVersion: policy.versionLabel,
    quantity,
    unitRate: unit.ratePence,
  };
}

/** The indicative budget with every line. Throws `BudgetInputError` on invalid policy or input. */
export function computeBudget(
  policy: BudgetPolicy,
  needs: readonly AssessedNeed[],
  oneOffs: readonly OneOffCost[] = [],
): Budget {
  const errors = [...validateBudgetPolicy(policy), ...validateBudgetInput(policy, needs, oneOffs)];
  if (errors.length > 0) throw new BudgetInputError(errors);

  const lines = needs.map((need) => needLine(policy, need));
  const support = sumPence(lines.map((l) => l.amount));
  const rate = percent(policy.contingencyBasisPoints);
  const contingency = mulDiv(support, policy.contingencyBasisPoints, 10_000);
  lines.push({
    label: `Contingency for the unexpected: ${rate} of ${formatPence(support)} a week`,
    amount: contingency,
    rule: `Contingency: ${rate} of weekly support`,
    policyVersion: policy.versionLabel,
  });
  const weekly = sumPence(lines.map((l) => l.amount));
  const annual = convertAmount(weekly, 'weekly', 'annual');

  const oneOffLines = oneOffs.map((cost) => ({
    label: cost.label,
    amount: cost.amount,
    rule: `One-off: ${cost.reason}`,
    policyVersion: policy.versionLabel,
  }));
  const oneOffTotal = sumPence(oneOffLines.map((l) => l.amount));

  const notes = [
    `Weekly budget: ${formatPence(support)} support + ${formatPence(contingency)} contingency = ${formatPence(weekly)} a week.`,
    `Yearly budget: ${formatPence(weekly)} a week × 52 weeks = ${formatPence(annual)} a year.`,
    ROUNDING_NOTE,
  ];
  if (oneOffLines.length > 0)
    notes.splice(
      2,
      0,
      `One-off costs, paid once and not part of the weekly budget: ${formatPence(oneOffTotal)}.`,
    );
  return { total: weekly, lines, notes, weekly, annual, oneOffLines, oneOffTotal };
}

/** A manager's decision to agree a plan that costs more than the published rates give. */
export interface OverBudgetAgreement {
  reason: string;
  /** Who agreed it, in words: "Priya Nair". */
  agreedBy: string;
}

/** An agreed budget: the costed lines, and the extra a manager agreed over them, if any. */
export interface AgreedBudget extends Budget {
  /** Pence a week above the costed lines, with the reason; re-pricing keeps it as it is. */
  overBudget?: { amount: Pence; reason: string; agreedBy: string };
}

/**
 * The budget a support plan is agreed against, explained like an indicative budget: every
 * need is a line of quantity × published rate under the policy version that priced it, then
 * the contingency. Only when a manager agrees a plan that costs more than that is there one
 * more line, for the extra, saying who agreed it and why (no published rate priced it, and
 * the line says so). The plan's own cost is a note, so the figure and the notes never differ:
 * the total is the costed budget, or the plan's cost when it was agreed over budget.
 */
export function agreedBudget(
  policy: BudgetPolicy,
  needs: readonly AssessedNeed[],
  oneOffs: readonly OneOffCost[],
  planWeekly: Pence,
  overBudget?: OverBudgetAgreement,
): AgreedBudget {
  const costed = computeBudget(policy, needs, oneOffs);
  const extra = overBudget ? Math.max(0, assertPence(planWeekly, 'plan') - costed.weekly) : 0;
  if (extra === 0) {
    const left = costed.weekly - planWeekly;
    const plan =
      left > 0
        ? `The support plan costs ${formatPence(planWeekly)} a week, ${formatPence(left)} less than this budget.`
        : left === 0
          ? `The support plan costs ${formatPence(planWeekly)} a week, the whole of this budget.`
          : `The support plan costs ${formatPence(planWeekly)} a week, ${formatPence(-left)} more than this budget.`;
    return { ...costed, notes: [plan, ...costed.notes] };
  }
  const weekly = costed.weekly + extra;
  const annual = convertAmount(weekly, 'weekly', 'annual');
  const lines: ExplanationLine[] = [
    ...costed.lines,
    {
      label: `Agreed over budget: the support plan costs ${formatPence(planWeekly)} a week, ${formatPence(extra)} more than the published rates give`,
      amount: extra,
      rule: `Agreed over budget by ${overBudget!.agreedBy}: ${overBudget!.reason}`,
      policyVersion: `${policy.versionLabel} (not priced by a published rate)`,
    },
  ];
  const notes = [
    `Weekly budget: ${formatPence(costed.weekly)} from the published rates + ${formatPence(extra)} agreed over budget = ${formatPence(weekly)} a week.`,
    `Yearly budget: ${formatPence(weekly)} a week × 52 weeks = ${formatPence(annual)} a year.`,
    ...costed.notes.slice(2),
  ];
  return {
    ...costed,
    total: weekly,
    weekly,
    annual,
    lines,
    notes,
    overBudget: { amount: extra, reason: overBudget!.reason, agreedBy: overBudget!.agreedBy },
  };
}

/** One-off costs kept in a saved explanation, back as the rules' input (for what-if and agreement). */
export const oneOffsOf = (budget: Pick<Budget, 'oneOffLines'>): OneOffCost[] =>
  (budget.oneOffLines ?? []).map((l) => ({
    label: l.label,
    amount: l.amount,
    reason: l.rule.replace(/^One-off: /, ''),
  }));

// ── Comparing budgets: what-if for one person, repricing across everyone ──

export type Direction = 'up' | 'down' | 'unchanged';

export function compareBudgets(
  currentWeekly: Pence,
  proposedWeekly: Pence,
): { change: Pence; direction: Direction } {
  const change = assertPence(proposedWeekly, 'proposed') - assertPence(currentWeekly, 'current');
  return { change, direction: change > 0 ? 'up' : change < 0 ? 'down' : 'unchanged' };
}

export interface WhatIf {
  current: Budget;
  proposed: Budget;
  weeklyChange: Pence;
  annualChange: Pence;
  /** One line per need whose cost changes, then the contingency; lines sum to `weeklyChange`. */
  change: Explained;
}

const needKey = (n: AssessedNeed) => `${n.outcomeRef}\u0000${n.unitCode}`;

/**
 * Cost the needs as they are and with `changedNeeds` applied: a changed need replaces the need
 * with the same outcome and unit, or is added; quantity 0 takes a need out.
 */
export function whatIf(
  policy: BudgetPolicy,
  needs: readonly AssessedNeed[],
  changedNeeds: readonly AssessedNeed[],
  oneOffs: readonly OneOffCost[] = [],
): WhatIf {
  const changeErrors = needErrors(policy, changedNeeds, 'changedNeeds');
  if (changeErrors.length > 0) throw new BudgetInputError(changeErrors);
  const changes = new Map(changedNeeds.map((n) => [needKey(n), n]));
  const proposedNeeds = needs.map((n) => changes.get(needKey(n)) ?? n);
  const existing = new Set(needs.map(needKey));
  proposedNeeds.push(...changedNeeds.filter((n) => !existing.has(needKey(n))));

  const current = computeBudget(policy, needs, oneOffs);
  const proposed = computeBudget(policy, proposedNeeds, oneOffs);
  const lines: ExplanationLine[] = [];
  proposedNeeds.forEach((after, i) => {
    const before = needs[i];
    const was = before ? current.lines[i]! : undefined;
    const now = proposed.lines[i]!;
    const diff = now.amount - (was?.amount ?? 0);
    if (diff === 0 && (was?.quantity ?? 0) === now.quantity) return;
    const unit = policy.supportUnits.find((u) => u.code === after.unitCode)!;
    const plain = (q: number) => `${q} ${plural(unit.unit, Math.round(q * 100))}`;
    lines.push({
      label: `${after.outcomeLabel}: ${unit.name} from ${plain(was?.quantity ?? 0)} to ${plain(now.quantity!)} a week`,
      amount: diff,
      rule: now.rule,
      policyVersion: policy.versionLabel,
    });
  });
  const contingencyBefore = current.lines.at(-1)!.amount;
  const contingencyAfter = proposed.lines.at(-1)!.amount;
  if (contingencyAfter !== contingencyBefore)
    lines.push({
      label: `Contingency: from ${formatPence(contingencyBefore)} to ${formatPence(contingencyAfter)} a week`,
      amount: contingencyAfter - contingencyBefore,
      rule: proposed.lines.at(-1)!.rule,
      policyVersion: policy.versionLabel,
    });

  const { change: weeklyChange, direction } = compareBudgets(current.weekly, proposed.weekly);
  const annualChange = proposed.annual - current.annual;
  const summary =
    direction === 'unchanged'
      ? `The budget would stay at ${formatPence(current.weekly)} a week.`
      : `The budget would go ${direction} by ${formatPence(Math.abs(weeklyChange))} a week (${formatPence(Math.abs(annualChange))} a year): from ${formatPence(current.weekly)} to ${formatPence(proposed.weekly)} a week.`;
  return {
    current,
    proposed,
    weeklyChange,
    annualChange,
    change: { total: weeklyChange, lines, notes: [summary, ROUNDING_NOTE] },
  };
}

export interface RepricingRow {
  personRef: string;
  /** e.g. { clientGroup: 'Learning disability', ageBand: '25-64', ethnicity: '…' }. */
  groups: Record<string, string>;
  currentWeekly: Pence;
  proposedWeekly: Pence;
}

export interface RepricingTally {
  count: number;
  up: number;
  down: number;
  unchanged: number;
  totalCurrent: Pence;
  totalProposed: Pence;
  totalChange: Pence;
  /** Sum of the rises and of the cuts (negative), so cuts cannot hide behind rises elsewhere. */
  totalUp: Pence;
  totalDown: Pence;
}

export interface RepricingSummary extends RepricingTally {
  /** For each grouping (e.g. 'ethnicity'), one tally per value, sorted by value. */
  byGroup: Record<string, (RepricingTally & { value: string })[]>;
}

/** The value shown for a person whose record has no value for a grouping: they still count. */
export const NOT_RECORDED = 'Not recorded';

const emptyTally = (): RepricingTally => ({
  count: 0,
  up: 0,
  down: 0,
  unchanged: 0,
  totalCurrent: 0,
  totalProposed: 0,
  totalChange: 0,
  totalUp: 0,
  totalDown: 0,
});

function add(tally: RepricingTally, row: RepricingRow): void {
  const { change, direction } = compareBudgets(row.currentWeekly, row.proposedWeekly);
  tally.count += 1;
  tally[direction] += 1;
  tally.totalCurrent += row.currentWeekly;
  tally.totalProposed += row.proposedWeekly;
  tally.totalChange += change;
  if (change > 0) tally.totalUp += change;
  else tally.totalDown += change;
}

/** What a new policy does to everyone's weekly budget, overall and for every group. */
export function summariseRepricing(rows: readonly RepricingRow[]): RepricingSummary {
  const people = new Set<string>();
  for (const row of rows) {
    if (people.has(row.personRef)) throw new RangeError(`person ${row.personRef} appears twice`);
    people.add(row.personRef);
  }
  const overall = emptyTally();
  const groupNames = [...new Set(rows.flatMap((r) => Object.keys(r.groups)))].sort();
  const tallies = new Map(groupNames.map((name) => [name, new Map<string, RepricingTally>()]));
  for (const row of rows) {
    add(overall, row);
    for (const [name, byValue] of tallies) {
      const value = blank(row.groups[name]) ? NOT_RECORDED : row.groups[name]!;
      const tally = byValue.get(value) ?? emptyTally();
      byValue.set(value, tally);
      add(tally, row);
    }
  }
  const byGroup = Object.fromEntries(
    [...tallies].map(([name, byValue]) => [
      name,
      [...byValue]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([value, tally]) => ({ value, ...tally })),
    ]),
  );
  return { ...overall, byGroup };
}

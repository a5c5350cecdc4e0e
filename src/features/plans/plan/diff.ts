/**
 * "What changed" between two versions of a support plan, in plain words, so the person can
 * see exactly what they are being asked to sign again. Items are matched by what identifies
 * them (an outcome's ref, a cost line's outcome and description), not by position, so
 * reordering a list is not reported as a change.
 */
import { formatDate, isIsoDate } from '../../../platform/dates.ts';
import { formatPence } from '../../../platform/money/index.ts';
import type { SupportPlanContent } from './content.ts';
import { type CostLine, PROVIDER_KINDS, planTotals } from './costs.ts';
import { SDS_OPTION_NAMES } from '../options/rules.ts';
import { RESTRICTION_REASON_KINDS } from './restrictions.ts';

export interface PlanChange {
  section: string;
  field: string;
  /** null when the item was added. */
  before: string | null;
  /** null when the item was removed. */
  after: string | null;
}

interface ListShape<T> {
  section: string;
  key: (item: T) => string;
  name: (item: T) => string;
  /** The whole item in one line, shown when it is added or removed. */
  summary: (item: T) => string;
  fields: { label: string; show: (item: T) => string }[];
}

/** Keys made unique by occurrence, so two identical-looking lines are still matched one to one. */
function keyed<T>(items: readonly T[], key: (item: T) => string): Map<string, T> {
  const seen = new Map<string, number>();
  const out = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    const n = seen.get(k) ?? 0;
    seen.set(k, n + 1);
    out.set(`${k}#${n}`, item);
  }
  return out;
}

function diffList<T>(shape: ListShape<T>, before: readonly T[], after: readonly T[]): PlanChange[] {
  const a = keyed(before, shape.key);
  const b = keyed(after, shape.key);
  const changes: PlanChange[] = [];
  for (const [k, old] of a) {
    const now = b.get(k);
    if (now === undefined) {
      changes.push({
        section: shape.section,
        field: `Removed: ${shape.name(old)}`,
        before: shape.summary(old),
        after: null,
      });
      continue;
    }
    for (const f of shape.fields) {
      const was = f.show(old);
      const is = f.show(now);
      if (was !== is)
        changes.push({
          section: shape.section,
          field: `${shape.name(now)}: ${f.label}`,
          before: was,
          after: is,
        });
    }
  }
  for (const [k, added] of b) {
    if (!a.has(k)) {
      changes.push({
        section: shape.section,
        field: `Added: ${shape.name(added)}`,
        before: null,
        after: shape.summary(added),
      });
    }
  }
  return changes;
}

const weekly = (pence: number) => `${formatPence(pence)} a week`;
const option = (o: CostLine['sdsOption']) => `Option ${o}: ${SDS_OPTION_NAMES[o]}`;
const day = (date: string) => (isIsoDate(date) ? formatDate(date) : date);
const quoted = (text: string) => `"${text.length > 60 ? `${text.slice(0, 57)}...` : text}"`;

export function diffPlanVersions(a: SupportPlanContent, b: SupportPlanContent): PlanChange[] {
  const changes: PlanChange[] = [];

  if ((a.aboutMe ?? '') !== (b.aboutMe ?? '')) {
    changes.push({ section: 'About me', field: 'About me', before: a.aboutMe ?? '', after: b.aboutMe ?? '' });
  }

  changes.push(
    ...diffList(
      {
        section: 'Outcomes',
        key: (o) => o.ref,
        name: (o) => `outcome ${quoted(o.personWords)}`,
        summary: (o) => o.personWords,
        fields: [
          { label: "in the person's words", show: (o) => o.personWords },
          { label: "worker's view", show: (o) => o.workerView },
          { label: 'how it will be met', show: (o) => o.howMet },
          { label: 'how it can change', show: (o) => o.flexibility ?? '' },
        ],
      },
      a.outcomes,
      b.outcomes,
    ),
  );

  changes.push(
    ...diffList(
      {
        section: 'Costs',
        key: (l) => `${l.outcomeRef}\u0000${l.description}`,
        name: (l) => quoted(l.description),
        summary: (l) => `${l.description}, ${l.frequency}, ${weekly(l.weeklyCost)}, ${option(l.sdsOption)}`,
        fields: [
          { label: 'who gives the support', show: (l) => PROVIDER_KINDS[l.providerKind] ?? l.providerKind },
          { label: 'how often', show: (l) => l.frequency },
          { label: 'cost', show: (l) => weekly(l.weeklyCost) },
          { label: 'paid from', show: (l) => l.fundingStream.replaceAll('_', ' ') },
          { label: 'how it is arranged', show: (l) => option(l.sdsOption) },
        ],
      },
      a.costLines,
      b.costLines,
    ),
  );
  const totalBefore = planTotals(a.costLines).weekly.total;
  const totalAfter = planTotals(b.costLines).weekly.total;
  if (totalBefore !== totalAfter) {
    changes.push({
      section: 'Costs',
      field: 'Total cost',
      before: weekly(totalBefore),
      after: weekly(totalAfter),
    });
  }

  if (a.contingency !== b.contingency) {
    changes.push({
      section: 'If things go wrong',
      field: 'What will happen',
      before: a.contingency,
      after: b.contingency,
    });
  }

  changes.push(
    ...diffList(
      {
        section: 'Risks the person chooses to take',
        key: (r) => r.description,
        name: (r) => `risk ${quoted(r.description)}`,
        summary: (r) => `${r.description} — ${r.howEnabled}`,
        fields: [
          { label: "the person's view", show: (r) => r.personView ?? '' },
          { label: 'how the person is supported to take it', show: (r) => r.howEnabled },
          { label: 'what was agreed', show: (r) => r.whatAgreed ?? '' },
        ],
      },
      a.risks,
      b.risks,
    ),
  );

  changes.push(
    ...diffList(
      {
        section: 'Restrictions on the money',
        key: (r) => r.description,
        name: (r) => `restriction ${quoted(r.description)}`,
        summary: (r) => `${r.description} (${r.reasonDetail}), review on ${day(r.reviewOn)}`,
        fields: [
          { label: 'reason', show: (r) => RESTRICTION_REASON_KINDS[r.reasonKind] ?? r.reasonKind },
          { label: 'details of the reason', show: (r) => r.reasonDetail },
          { label: 'decided by', show: (r) => r.decidedBy },
          { label: 'decided on', show: (r) => day(r.decidedOn) },
          { label: 'review date', show: (r) => day(r.reviewOn) },
        ],
      },
      a.restrictions,
      b.restrictions,
    ),
  );

  changes.push(
    ...diffList(
      {
        section: 'Things a legal order requires',
        key: (n) => n.description,
        name: (n) => quoted(n.description),
        summary: (n) => `${n.description} (${n.legalOrder})`,
        fields: [{ label: 'legal order', show: (n) => n.legalOrder }],
      },
      a.nonNegotiables,
      b.nonNegotiables,
    ),
  );

  return changes;
}

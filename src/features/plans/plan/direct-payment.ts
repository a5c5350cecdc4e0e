/**
 * What a direct-payment agreement will need from an agreed plan: the option 1 lines, their
 * weekly total, and the amount for each payment. Payments builds the agreement from these.
 */
import { type Explained, formatPence, type Pence, sumPence } from '../../../platform/money/index.ts';
import { convertAmount, PERIOD_NOTE } from '../../../platform/money/periods.ts';
import type { CostLine } from './costs.ts';
import { fundingStreamLabel } from './catalogue.ts';

/** Direct payments are usually paid every four weeks, in advance; payments may agree another cycle. */
export const USUAL_PAYMENT_FREQUENCY = 'four_weekly' as const;

export interface DirectPaymentNeeds {
  /** Paid option 1 lines only: unpaid help is never paid out. */
  lines: CostLine[];
  weeklyTotal: Pence;
  frequency: typeof USUAL_PAYMENT_FREQUENCY;
  amountPerPayment: Pence;
  explanation: Explained;
}

export function directPaymentNeeds(
  costLines: readonly CostLine[],
  source: string,
  label: (stream: string) => string = fundingStreamLabel,
): DirectPaymentNeeds | null {
  const lines = costLines.filter((l) => l.sdsOption === 1 && l.weeklyCost > 0);
  if (lines.length === 0) return null;
  const weeklyTotal = sumPence(lines.map((l) => l.weeklyCost));
  const amountPerPayment = convertAmount(weeklyTotal, 'weekly', USUAL_PAYMENT_FREQUENCY);
  return {
    lines,
    weeklyTotal,
    frequency: USUAL_PAYMENT_FREQUENCY,
    amountPerPayment,
    explanation: {
      total: weeklyTotal,
      lines: lines.map((l) => ({
        label: `${l.description} (${l.frequency})`,
        amount: l.weeklyCost,
        rule: `Option 1 cost line, paid from ${label(l.fundingStream)}`,
        policyVersion: source,
      })),
      notes: [
        `Each payment covers four weeks: ${formatPence(weeklyTotal)} a week × 4 = ${formatPence(amountPerPayment)}.`,
        PERIOD_NOTE,
      ],
    },
  };
}

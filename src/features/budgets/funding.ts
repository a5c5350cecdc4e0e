import type { FieldError } from '../../platform/http/problem.ts';
import { formatPence, type Pence } from '../../platform/money/index.ts';

import { type FundingStreamView, streamChoiceError } from '../council-settings/index.ts';

/** The national streams every council starts with; a council's own list is the council feature's. */
export { FUNDING_STREAMS, type FundingStream as FundingStreamCode } from '../../platform/funding-streams.ts';

export interface FundingStreamInput {
  stream: string;
  source: string;
  weeklyAmount: Pence;
  conditions?: string | null;
  contact?: string | null;
}

const blank = (text: unknown) => typeof text !== 'string' || text.trim() === '';

/**
 * Other streams pay part of the budget; the council's social care stream pays the rest, so
 * the streams always add up to the budget exactly. Streams that add up to more are refused, and
 * so is a stream that is not one of the council's in use (`councilStreams`: its own list).
 */
export function splitFunding(
  weekly: Pence,
  others: readonly FundingStreamInput[],
  councilSource: string,
  councilStreams: readonly FundingStreamView[],
): { streams: FundingStreamInput[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  others.forEach((s, i) => {
    const at = `fundingStreams[${i}]`;
    const refusal = s.stream
      ? streamChoiceError(s.stream, councilStreams)
      : 'Choose where this money comes from.';
    if (refusal) errors.push({ field: `${at}.stream`, message: refusal });
    if (blank(s.source))
      errors.push({ field: `${at}.source`, message: 'Say who pays it, e.g. the fund or the health board.' });
    if (!Number.isSafeInteger(s.weeklyAmount) || s.weeklyAmount <= 0)
      errors.push({ field: `${at}.weeklyAmount`, message: 'Enter an amount a week above zero, like 45.00.' });
  });
  const othersTotal = others.reduce(
    (sum, s) => sum + (Number.isSafeInteger(s.weeklyAmount) ? s.weeklyAmount : 0),
    0,
  );
  if (othersTotal > weekly)
    errors.push({
      field: 'fundingStreams[0].weeklyAmount',
      message: `Other funding adds up to ${formatPence(othersTotal)} a week, more than the budget of ${formatPence(weekly)}.`,
    });
  const streams = others.map((s) => ({
    ...s,
    source: s.source.trim(),
    conditions: s.conditions?.trim() || null,
    contact: s.contact?.trim() || null,
  }));
  if (weekly - othersTotal > 0 || streams.length === 0)
    streams.unshift({
      stream: 'council_social_care',
      source: councilSource,
      weeklyAmount: weekly - othersTotal,
      conditions: 'To meet the outcomes in your support plan.',
      contact: 'Your social worker',
    });
  return { streams, errors };
}

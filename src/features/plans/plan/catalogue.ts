/**
 * Words the plan pages and the API share: funding streams a cost line can be paid from (the
 * one list budgets use too, in platform/funding-streams.ts), and how a plan's state is
 * described to the person.
 */
export {
  FUNDING_STREAMS,
  type FundingStream,
  fundingStreamLabel,
} from '../../../platform/funding-streams.ts';

/** Plain words for each state, as the person reads them, and a GOV.UK tag colour. */
export const STATE_LABELS: Record<string, { text: string; colour: string }> = {
  draft: { text: 'Being written', colour: 'grey' },
  shared: { text: 'Ready for you to sign', colour: 'blue' },
  signed: { text: 'Signed', colour: 'turquoise' },
  submitted: { text: 'Waiting for a decision', colour: 'yellow' },
  agreed: { text: 'Agreed', colour: 'green' },
  returned: { text: 'Sent back for changes', colour: 'orange' },
  superseded: { text: 'Replaced by a newer version', colour: 'grey' },
};

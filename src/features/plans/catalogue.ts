/**
 * Words the plan pages and the API share: funding streams a cost line can be paid from,
 * and how a plan's state is described to the person.
 */
export const FUNDING_STREAMS = {
  council_social_care: 'Council social care',
  independent_living_fund: 'Independent Living Fund',
  health: 'NHS health funding',
  equipment: 'Community equipment',
  housing_adaptations: 'Housing adaptations',
  housing_support: 'Housing support',
  employment_support: 'Employment support',
} as const;
export type FundingStream = keyof typeof FUNDING_STREAMS;

export function fundingStreamLabel(stream: string): string {
  return (FUNDING_STREAMS as Record<string, string>)[stream] ?? stream.replaceAll('_', ' ');
}

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

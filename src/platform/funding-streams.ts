/**
 * The national funding streams, code → plain label: the list every council starts with. A
 * council's own list (these, renamed or retired, plus its local streams) is the council
 * feature's (`features/council`, table `funding_streams`); budgets and plans check a chosen
 * stream against that, and take labels from it. Codes are stored; labels may change.
 */
export const FUNDING_STREAMS = {
  council_social_care: 'Council social care',
  independent_living_fund: 'Independent Living Fund',
  health: 'NHS or joint health funding',
  equipment: 'Community equipment',
  housing_adaptations: 'Housing adaptations',
  housing_support: 'Housing support',
  employment_support: 'Employment support',
} as const;
export type FundingStream = keyof typeof FUNDING_STREAMS;
export const FUNDING_STREAM_CODES = Object.keys(FUNDING_STREAMS) as [FundingStream, ...FundingStream[]];

export function fundingStreamLabel(stream: string): string {
  return (FUNDING_STREAMS as Record<string, string>)[stream] ?? stream.replaceAll('_', ' ');
}

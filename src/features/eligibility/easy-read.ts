import { formatDate } from '../../platform/dates.ts';
import { type EasyReadLine, type PictureName, quoted } from '../../platform/easy-read/index.ts';
import {
  CARE_ACT_OUTCOMES,
  type CareActOutcome,
  type EligibilityAssessment,
  SCOTLAND_BANDS,
  SCOTLAND_RISK_AREAS,
  type ScotlandRiskArea,
} from './rules.ts';

/**
 * The eligibility decision in Easy Read (platform/easy-read): what we looked at, what we found,
 * what it means and how to ask again. Pure: it takes the latest decision the page shows, and
 * uses the rules' own plain words for each area.
 */
export interface EligibilityEasyReadInput {
  decision: {
    eligible: boolean;
    assessment: EligibilityAssessment;
    decidedOn: string;
    decidedByName: string;
  } | null;
}

const AREA_PICTURES: Record<ScotlandRiskArea, PictureName> = {
  autonomy: 'person',
  health_safety: 'heart',
  daily_routines: 'house',
  community: 'people',
};

function foundLines(assessment: EligibilityAssessment): EasyReadLine[] {
  if (assessment.framework === 'scotland')
    return (Object.keys(SCOTLAND_RISK_AREAS) as ScotlandRiskArea[]).flatMap((area) => {
      const found = assessment.areas[area];
      if (!found) return [];
      return [
        {
          picture: AREA_PICTURES[area],
          text: `For ${SCOTLAND_RISK_AREAS[area].plain}, we found ${SCOTLAND_BANDS[found.band].plain}.`,
        },
      ];
    });
  const needHelp = (Object.keys(CARE_ACT_OUTCOMES) as CareActOutcome[]).filter(
    (outcome) => (assessment.outcomes[outcome]?.unable.length ?? 0) > 0,
  );
  return [
    ...needHelp.map(
      (outcome): EasyReadLine => ({
        picture: 'help',
        text: `You need help with ${CARE_ACT_OUTCOMES[outcome].plain}.`,
      }),
    ),
    assessment.wellbeing.significantImpact
      ? { picture: 'heart', text: 'This makes a big difference to your life.' }
      : { picture: 'heart', text: 'We found this does not make a big difference to your life.' },
  ];
}

export function eligibilityEasyRead(input: EligibilityEasyReadInput): EasyReadLine[] {
  const { decision } = input;
  if (!decision)
    return [
      { picture: 'question', text: 'We have not decided yet if the council can pay for your support.' },
      { picture: 'worker', text: 'Your social worker will talk to you about it first.' },
    ];
  return [
    { picture: 'talk', text: 'We talked with you about your life.' },
    { picture: 'question', text: 'We wanted to find out if the council can pay for your support.' },
    ...foundLines(decision.assessment),
    decision.eligible
      ? { picture: 'tick', text: 'The council can pay for your support.' }
      : { picture: 'cross', text: 'The council will not pay for your support.' },
    ...(decision.eligible
      ? [{ picture: 'money', text: 'Next we will work out your budget with you.' } as const]
      : [
          {
            picture: 'help',
            text: 'Other groups can help you. Your social worker can tell you about them.',
          } as const,
        ]),
    { picture: 'calendar', text: `We decided this on ${formatDate(decision.decidedOn)}.` },
    { picture: 'worker', text: `${quoted(decision.decidedByName)} made this decision.` },
    { picture: 'question', text: 'Do you think this is wrong?' },
    { picture: 'talk', text: 'Tell your social worker. You can ask us to look at it again.' },
  ];
}

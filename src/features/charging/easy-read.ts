import { formatDate } from '../../platform/dates.ts';
import { type LetterAddressing, letterHeading } from '../../platform/pdf/index.ts';
import { easyMoney, type EasyReadLine, easyReadPdf, quoted } from '../../platform/easy-read/index.ts';
import type { ExplanationLine } from '../../platform/money/index.ts';

/**
 * The contribution letter in Easy Read (platform/easy-read): what the person pays towards their
 * support from when, each line of how it was worked out, the rules used, how it is paid and how
 * to ask us to look again. Pure: it takes the same assessment and policy the standard letter does.
 */
export interface ContributionEasyReadInput {
  personName: string;
  today: string;
  effectiveFrom: string;
  weeklyContribution: number;
  lines: readonly ExplanationLine[];
  policyVersion: string;
  contributionMethod: string;
}

function explained(line: ExplanationLine): EasyReadLine {
  return line.amount < 0
    ? { picture: 'money', text: `We take off ${quoted(line.label)}: ${easyMoney(-line.amount)} a week.` }
    : { picture: 'money', text: `We count ${quoted(line.label)}: ${easyMoney(line.amount)} a week.` };
}

export function contributionEasyRead(input: ContributionEasyReadInput): EasyReadLine[] {
  const pays = input.weeklyContribution > 0;
  return [
    { picture: 'person', text: `This letter is for ${quoted(input.personName)}.` },
    { picture: 'calendar', text: `We wrote it on ${formatDate(input.today)}.` },
    pays
      ? {
          picture: 'money',
          text: `From ${formatDate(input.effectiveFrom)}, you pay ${easyMoney(input.weeklyContribution)} a week towards your support.`,
        }
      : {
          picture: 'tick',
          text: `From ${formatDate(input.effectiveFrom)}, you do not pay anything towards your support.`,
        },
    { picture: 'heart', text: 'We looked at your money to work this out.' },
    ...input.lines.map(explained),
    { picture: 'money', text: `All of this comes to ${easyMoney(input.weeklyContribution)} a week.` },
    { picture: 'document', text: `We used the same rules for everyone: ${quoted(input.policyVersion)}.` },
    ...(pays
      ? [
          input.contributionMethod === 'net'
            ? ({
                picture: 'money',
                text: 'We take it off your direct payment. You do not get a bill.',
              } as const)
            : ({ picture: 'document', text: 'We will send you a bill for it.' } as const),
        ]
      : []),
    { picture: 'question', text: 'Do you think something is wrong or missing?' },
    { picture: 'talk', text: 'You can ask us to look again. Sign in or phone us.' },
    { picture: 'heart', text: 'Asking will not count against you.' },
  ];
}

export function contributionEasyReadLetter(
  input: ContributionEasyReadInput & { addressing: LetterAddressing; assessmentNumber: number },
) {
  const heading = letterHeading(input.addressing, {
    date: input.today,
    kind: 'contribution-easy-read',
    version: input.assessmentNumber,
  });
  return easyReadPdf(
    { title: 'What you pay towards your support (Easy Read)', heading },
    'What you pay towards your support',
    contributionEasyRead(input),
  );
}

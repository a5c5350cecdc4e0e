import {
  easyMoney,
  easyNumber,
  type EasyReadLine,
  easyReadPdf,
  quoted,
} from '../../platform/easy-read/index.ts';
import { formatDate, type IsoDate } from '../../platform/dates.ts';
import { type LetterAddressing, letterHeading } from '../../platform/pdf/index.ts';
import type { ExplanationLine } from '../../platform/money/index.ts';
import type { BudgetRecord } from './service.ts';

/**
 * The budget in Easy Read (platform/easy-read): the same explained lines, total, policy version
 * and funding the standard page and letter show, each said in a short sentence beside a picture.
 * Pure: it takes the budget record the pages already read.
 */
export interface BudgetEasyReadInput {
  budget: {
    kind: string;
    weeklyAmount: number;
    annualAmount: number;
    expiresOn?: string | null;
    createdAt: Date;
    decidedByName: string;
    explanation: { lines: ExplanationLine[]; oneOffLines?: ExplanationLine[] };
    fundingStreams: { source: string; weeklyAmount: number }[];
  } | null;
}

/** The budget a person holds now: the agreed or first-idea budget, else a short-term one. */
export const easyReadInput = (record: Pick<BudgetRecord, 'current' | 'interim'>): BudgetEasyReadInput => ({
  budget: record.current ?? record.interim,
});

/**
 * A need's line reads "<outcome>: 7 hours a week of personal care at home × £25.00 an hour"
 * (rules.ts, needLine): the unit word ("hours") comes from it; the name from the rule.
 */
const NEED_LABEL = /: [\d.]+ (\S+) a week of /;
const RATE_RULE = /^Rate: (.+)$/;

function explainedLine(line: ExplanationLine): EasyReadLine {
  const rate = RATE_RULE.exec(line.rule);
  if (rate && line.quantity !== undefined && line.unitRate !== undefined) {
    const units = NEED_LABEL.exec(line.label)?.[1] ?? 'times';
    return {
      picture: 'help',
      text: `${easyNumber(line.quantity)} ${units} a week of ${quoted(rate[1]!)}. That costs ${easyMoney(line.amount)} a week.`,
    };
  }
  if (line.rule.startsWith('Contingency'))
    return {
      picture: 'question',
      text: `We add ${easyMoney(line.amount)} a week for things you do not expect.`,
    };
  return { picture: 'money', text: `${quoted(line.label)}. That is ${easyMoney(line.amount)} a week.` };
}

export function budgetEasyRead(input: BudgetEasyReadInput): EasyReadLine[] {
  const { budget } = input;
  if (!budget)
    return [
      { picture: 'money', text: 'We have not worked out your budget yet.' },
      { picture: 'worker', text: 'Your social worker will talk to you about it first.' },
    ];
  const lines: EasyReadLine[] = [
    { picture: 'money', text: `Your budget is ${easyMoney(budget.weeklyAmount)} a week.` },
    { picture: 'calendar', text: `That is ${easyMoney(budget.annualAmount)} a year.` },
  ];
  if (budget.kind === 'interim') {
    lines.push({ picture: 'week', text: 'This is a short-term budget to help you now.' });
    if (budget.expiresOn)
      lines.push({ picture: 'calendar', text: `It stops on ${formatDate(budget.expiresOn)}.` });
    lines.push({ picture: 'talk', text: 'Before then we will work out your full budget with you.' });
  } else if (budget.kind === 'agreed') {
    lines.push({ picture: 'tick', text: 'This budget is agreed. It was agreed with your support plan.' });
  } else {
    lines.push({ picture: 'plan', text: 'This is a first idea of your budget.' });
    lines.push({ picture: 'tick', text: 'It is agreed when your support plan is agreed.' });
  }
  lines.push({ picture: 'heart', text: 'Here is how we worked out your budget.' });
  for (const line of budget.explanation.lines) lines.push(explainedLine(line));
  lines.push({
    picture: 'money',
    text: `All of this adds up to ${easyMoney(budget.weeklyAmount)} a week.`,
  });
  const versions = [...new Set(budget.explanation.lines.map((l) => l.policyVersion))];
  for (const version of versions)
    lines.push({ picture: 'document', text: `We used the same rules for everyone: ${quoted(version)}.` });
  for (const oneOff of budget.explanation.oneOffLines ?? [])
    lines.push({
      picture: 'money',
      text: `We also pay for ${quoted(oneOff.label)} one time. It costs ${easyMoney(oneOff.amount)}.`,
    });
  if (budget.fundingStreams.length > 1)
    for (const stream of budget.fundingStreams)
      lines.push({
        picture: 'council',
        text: `${quoted(stream.source)} pays ${easyMoney(stream.weeklyAmount)} a week.`,
      });
  else if (budget.fundingStreams.length === 1)
    lines.push({
      picture: 'council',
      text: `${quoted(budget.fundingStreams[0]!.source)} pays for all of it.`,
    });
  lines.push({
    picture: 'worker',
    text: `${quoted(budget.decidedByName)} worked this out on ${formatDate(budget.createdAt.toISOString().slice(0, 10))}.`,
  });
  lines.push({ picture: 'question', text: 'Do you think your budget is wrong?' });
  lines.push({ picture: 'talk', text: 'Tell your social worker. You can ask us to look at it again.' });
  return lines;
}

/** The budget letter in Easy Read: the lines above, printed with their pictures. */
export function budgetEasyReadLetter(
  record: Pick<BudgetRecord, 'current' | 'interim' | 'person'>,
  addressing: LetterAddressing,
  today: IsoDate,
): Promise<Buffer> {
  const heading = letterHeading(addressing, {
    date: today,
    kind: 'budget-easy-read',
    version: record.current?.version,
  });
  return easyReadPdf(
    { title: `Your budget (Easy Read) – ${record.person.legalName}`, heading },
    'Your budget',
    [
      { picture: 'person', text: `This letter is for ${quoted(record.person.legalName)}.` },
      { picture: 'calendar', text: `We wrote it on ${formatDate(today)}.` },
      ...budgetEasyRead(easyReadInput(record)),
    ],
  );
}

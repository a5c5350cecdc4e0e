import { formatDate } from '../../../platform/dates.ts';
import { easyMoney, type EasyReadLine, quoted } from '../../../platform/easy-read/index.ts';

/**
 * The support plan's summary in Easy Read (platform/easy-read): where the plan is, what matters
 * to the person in their own words with the option they chose for each, what it costs against
 * the budget, and what happens next. Pure: it takes the plan overview the page already reads.
 */
export interface PlanEasyReadInput {
  plan: { state: string } | null;
  content: { outcomes: { ref: string; personWords: string }[] };
  totals: { weekly: { total: number } };
  budget: { weekly: number } | null;
  optionByOutcome: Record<string, number>;
  /** How the person agreed it, when a worker recorded it (on paper, verbally, …). */
  agreement?: { way: string; agreedOn: string } | null;
}

/** How a recorded agreement reads in Easy Read, by its way of agreeing. */
const AGREED_LINES: Record<string, string> = {
  paper: 'You signed your plan on paper',
  verbal: 'You told us you agree with your plan',
  advocate: 'You agreed your plan with your advocate there',
  representative: 'The person who acts for you agreed your plan',
};

const STATE_LINES: Record<string, EasyReadLine[]> = {
  draft: [{ picture: 'worker', text: 'Your social worker is still writing your plan with you.' }],
  shared: [
    { picture: 'document', text: 'Your plan is ready for you to read.' },
    { picture: 'sign', text: 'If you agree with it, you can sign it.' },
  ],
  signed: [
    { picture: 'sign', text: 'You signed your plan.' },
    { picture: 'council', text: 'Next your social worker sends it to the council.' },
  ],
  submitted: [{ picture: 'council', text: 'The council is looking at your plan now.' }],
  agreed: [{ picture: 'tick', text: 'The council agreed your plan.' }],
  returned: [{ picture: 'talk', text: 'The council asked for some changes to your plan.' }],
};

export function planEasyRead(input: PlanEasyReadInput): EasyReadLine[] {
  const lines: EasyReadLine[] = [{ picture: 'plan', text: 'This is your support plan.' }];
  if (!input.plan)
    lines.push({ picture: 'worker', text: 'We have not written your plan yet. We will write it with you.' });
  else {
    const recorded = input.agreement ? AGREED_LINES[input.agreement.way] : undefined;
    if (recorded && input.agreement)
      lines.push({ picture: 'sign', text: `${recorded} on ${formatDate(input.agreement.agreedOn)}.` });
    const stateLines = STATE_LINES[input.plan.state] ?? [];
    // A recorded agreement says who signed; the state's own "You signed" would say it twice.
    lines.push(...(recorded ? stateLines.filter((line) => line.picture !== 'sign') : stateLines));
  }
  const outcomes = input.content.outcomes;
  if (outcomes.length) {
    lines.push({ picture: 'heart', text: 'Here is what matters to you.' });
    for (const outcome of outcomes) {
      lines.push({ picture: 'talk', text: `You said: ${quoted(outcome.personWords)}.` });
      const option = input.optionByOutcome[outcome.ref];
      lines.push(
        option
          ? { picture: 'choices', text: `You chose option ${option} for this.` }
          : { picture: 'question', text: 'You have not chosen an option for this yet.' },
      );
    }
  }
  const weekly = input.totals.weekly.total;
  lines.push({ picture: 'money', text: `Your plan costs ${easyMoney(weekly)} a week.` });
  if (input.budget) {
    lines.push({ picture: 'money', text: `Your budget is ${easyMoney(input.budget.weekly)} a week.` });
    if (weekly > input.budget.weekly)
      lines.push(
        { picture: 'question', text: 'Your plan costs more than your budget.' },
        { picture: 'talk', text: 'The council will talk to you about it.' },
      );
  }
  lines.push({ picture: 'talk', text: 'You can ask for a change to your plan at any time.' });
  return lines;
}

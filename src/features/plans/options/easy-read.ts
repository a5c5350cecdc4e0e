import { type EasyReadLine, quoted } from '../../../platform/easy-read/index.ts';
import type { SdsOption } from './rules.ts';

/**
 * The four options in Easy Read (platform/easy-read): the same three things the standard
 * explanations say for each (what you do, what help there is, what changes), said impartially,
 * then what the person chose for each thing that matters to them. Pure: it takes the options
 * overview the page already reads.
 */
export interface OptionsEasyReadInput {
  outcomes: { personWords: string; current: { sdsOption: SdsOption } | null }[];
}

/** The four options, always all four: the law says each must be offered and explained. */
export const FOUR_OPTIONS_EASY_READ: readonly EasyReadLine[] = [
  { picture: 'choices', text: 'There are 4 ways to get your support.' },
  { picture: 'heart', text: 'You choose the way that suits you best.' },
  { picture: 'money', text: 'Option 1: the council gives the money to you.' },
  { picture: 'person', text: 'You choose who helps you and when.' },
  { picture: 'help', text: 'A support group can help you with the money and the jobs.' },
  { picture: 'document', text: 'You keep a record of what you spend.' },
  { picture: 'choices', text: 'Option 2: you choose your support.' },
  { picture: 'people', text: 'Someone else sorts it out and pays for it.' },
  { picture: 'tick', text: 'You do not have to look after the money.' },
  { picture: 'council', text: 'Option 3: the council chooses your support for you.' },
  { picture: 'worker', text: 'The council sets it all up.' },
  { picture: 'talk', text: 'You can ask for a change at any time.' },
  { picture: 'plan', text: 'Option 4: you mix the other options.' },
  { picture: 'heart', text: 'You can choose a different way for each part of your support.' },
  { picture: 'week', text: 'You can change your mind later.' },
];

export function optionsEasyRead(input: OptionsEasyReadInput): EasyReadLine[] {
  const chosen = input.outcomes.map(
    (outcome): EasyReadLine =>
      outcome.current
        ? {
            picture: 'tick',
            text: `For ${quoted(outcome.personWords)}, you chose option ${outcome.current.sdsOption}.`,
          }
        : { picture: 'question', text: `For ${quoted(outcome.personWords)}, you have not chosen yet.` },
  );
  return [
    ...FOUR_OPTIONS_EASY_READ,
    ...(chosen.length
      ? [{ picture: 'plan', text: 'Here is what you chose.' } as const, ...chosen]
      : [{ picture: 'plan', text: 'You have not chosen yet.' } as const]),
    { picture: 'worker', text: 'Your social worker can help you choose.' },
  ];
}

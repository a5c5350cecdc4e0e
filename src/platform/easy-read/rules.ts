import { EASY_READ_PICTURES, type PictureName, pictureSrc } from './pictures.ts';

/**
 * Easy Read: information for people with a learning disability, written the way the UK
 * guidance asks (Department of Health, "Making written information easier to understand for
 * people with learning disabilities", 2010; Mencap's "Make it clear"):
 * - short sentences, one idea on each line, a picture beside each idea;
 * - everyday words: no jargon, and a hard word explained where it is needed;
 * - numbers as digits, money with a £ sign.
 *
 * Each feature writes its own Easy Read content as a pure function returning lines; the rules
 * here check any such content (the unit tests run them over every content function, for made-up
 * inputs and for the demo data), and `presentEasyRead` gives a page each line's picture and alt
 * text. Words a person said, and names (of a person, a service, an option), are quoted with
 * “ ” and count as one word: they are kept as they were said, not rewritten.
 */
export interface EasyReadLine {
  picture: PictureName;
  /** One idea: one sentence, or two very short ones that belong together. */
  text: string;
}

/** At most this many words in a sentence (the guidance: about 10 to 15). */
export const MAX_SENTENCE_WORDS = 15;
/** At most this many sentences on one line (one idea a line). */
export const MAX_SENTENCES_PER_LINE = 2;

/**
 * Words Easy Read does not use: service jargon, each with the plain words to use instead. A
 * banned word may appear only inside quotes (someone's own words, or a name).
 */
export const BANNED_WORDS: Readonly<Record<string, string>> = {
  allocation: 'the money you get',
  allocated: 'given',
  eligibility: 'if you can get support',
  eligible: 'can get support',
  criteria: 'rules',
  indicative: 'first idea of',
  contribution: 'what you pay towards it',
  contingency: 'extra for the unexpected',
  assessment: 'finding out what you need',
  assessed: 'found out',
  commissioned: 'bought',
  commissioning: 'buying',
  provision: 'support',
  outcome: 'what matters to you',
  outcomes: 'what matters to you',
  statutory: 'the law',
  deployment: 'how it is used',
  substantial: 'big',
  moderate: 'some',
  critical: 'very big',
  interim: 'short-term',
  policy: 'rules',
  'self-directed': 'you choose',
  sds: 'how you choose your support',
  'per annum': 'a year',
  pa: 'personal assistant',
  'e.g.': 'for example',
  'i.e.': 'that is',
  etc: 'and more',
};

/** Spelled-out numbers: Easy Read uses digits. */
const NUMBER_WORDS = [
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'twenty',
  'thirty',
  'forty',
  'fifty',
  'hundred',
  'thousand',
];

/** Text with each “quoted” part reduced to one placeholder word. */
const unquoted = (text: string) => text.replace(/“[^”]*”/g, 'QUOTE');

export function sentencesOf(text: string): string[] {
  return unquoted(text)
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export const wordsOf = (sentence: string) => sentence.split(/\s+/).filter((w) => /[\p{L}\p{N}£]/u.test(w));

/** What is wrong with one Easy Read text, in words; empty when it keeps the rules. */
export function easyReadTextProblems(text: string): string[] {
  const problems: string[] = [];
  if (!text.trim()) return ['The line has no words.'];
  if (/“[^”]*$/.test(text) || /^[^“]*”/.test(text)) problems.push(`Quotes do not pair up: ${text}`);
  const sentences = sentencesOf(text);
  if (sentences.length > MAX_SENTENCES_PER_LINE)
    problems.push(`More than ${MAX_SENTENCES_PER_LINE} sentences on one line: ${text}`);
  for (const sentence of sentences) {
    const count = wordsOf(sentence).length;
    if (count > MAX_SENTENCE_WORDS)
      problems.push(`A sentence of ${count} words (at most ${MAX_SENTENCE_WORDS}): ${sentence}`);
    if (!/[.!?]$/.test(sentence)) problems.push(`A sentence without a full stop: ${sentence}`);
  }
  const plain = ` ${unquoted(text)
    .toLowerCase()
    .replace(/[,;:()!?]/g, ' ')} `;
  for (const word of Object.keys(BANNED_WORDS)) {
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (new RegExp(`[\\s“]${escaped}(?=[\\s.,])`, 'u').test(plain))
      problems.push(`“${word}” is jargon: say “${BANNED_WORDS[word]}” instead: ${text}`);
  }
  for (const word of NUMBER_WORDS)
    if (new RegExp(`\\s${word}(?=[\\s.,])`, 'u').test(plain))
      problems.push(`Write “${word}” as digits: ${text}`);
  if (/\d+p\b/.test(unquoted(text)) || /\bpence\b/i.test(unquoted(text)))
    problems.push(`Write money with £: ${text}`);
  return problems;
}

/** Every problem with a page of Easy Read lines; empty when all of it keeps the rules. */
export function easyReadProblems(lines: readonly EasyReadLine[]): string[] {
  if (lines.length === 0) return ['There are no lines.'];
  return lines.flatMap((line) => {
    const picture = EASY_READ_PICTURES[line.picture] as { alt: string } | undefined;
    const problems = easyReadTextProblems(line.text);
    if (!picture) problems.push(`No picture called ${line.picture}: ${line.text}`);
    else if (!picture.alt.trim()) problems.push(`The picture ${line.picture} has no alt text.`);
    return problems;
  });
}

/** A line as a page shows it: its picture's address and alt text beside the words. */
export interface PresentedEasyReadLine {
  text: string;
  src: string;
  alt: string;
}

export const presentEasyRead = (lines: readonly EasyReadLine[]): PresentedEasyReadLine[] =>
  lines.map((line) => ({
    text: line.text,
    src: pictureSrc(line.picture),
    alt: EASY_READ_PICTURES[line.picture].alt,
  }));

/** The communication need that asks for Easy Read (people.communication_needs). */
export const EASY_READ_NEED = 'easy_read';

/**
 * Whether a page opens in its Easy Read version by itself: when the person's recorded
 * communication needs include Easy Read and the viewer is the person or someone who acts for
 * them (staff and others get the standard page, one click from Easy Read), at the page's
 * plain address (see `mayOpenInEasyRead`).
 */
export function opensInEasyRead(
  communicationNeeds: readonly string[],
  relationshipKind: string,
  query: unknown,
): boolean {
  return communicationNeeds.includes(EASY_READ_NEED) && mayOpenInEasyRead(relationshipKind, query);
}

/**
 * Whether this viewer and address could open in Easy Read at all (before reading the person's
 * needs): the person or someone who acts for them, at the page's plain address. An address
 * with a query is the standard page's own flow: `?version=standard` (the Easy Read page's link
 * back) or `?saved=…` (back from a change on the standard page, whose banner says it was saved).
 */
export function mayOpenInEasyRead(relationshipKind: string, query: unknown): boolean {
  if (query && typeof query === 'object' && Object.keys(query).length > 0) return false;
  return relationshipKind === 'self' || relationshipKind === 'representative';
}

/** Money for Easy Read: pounds with £, pence only when there are any ("£12", "£12.50"). */
export function easyMoney(pence: number): string {
  const negative = pence < 0;
  const whole = Math.abs(Math.trunc(pence));
  const pounds = Math.floor(whole / 100).toLocaleString('en-GB');
  const rest = whole % 100;
  return `${negative ? '-' : ''}£${pounds}${rest ? `.${String(rest).padStart(2, '0')}` : ''}`;
}

/** A number for Easy Read: digits, at most 2 decimal places, no trailing zeros. */
export const easyNumber = (value: number) =>
  Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);

/**
 * Someone's own words, or a name, inside Easy Read quotes: kept as written (one line, any
 * quote marks of its own made plain so the quotes still pair up).
 */
export const quoted = (text: string) => `“${text.replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim()}”`;

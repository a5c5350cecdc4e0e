/**
 * Numbers read out of demo words, for the tests that keep the demo data consistent: "thirty",
 * "forty-seven" and "47" are all numbers; an age is one said of oneself ("I'm thirty", "I am 47",
 * "aged sixteen"); years are a span ("sixty year", "twenty years").
 */
const UNITS = [
  'zero',
  'one',
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
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** A number in digits or in words up to ninety-nine, or undefined. */
export function numberFrom(word: string): number | undefined {
  const w = word.toLowerCase();
  if (/^\d+$/.test(w)) return Number(w);
  if (UNITS.includes(w)) return UNITS.indexOf(w);
  const [tens, unit] = w.split('-');
  const t = TENS.indexOf(tens ?? '');
  if (t < 2) return undefined;
  if (unit === undefined) return t * 10;
  const u = UNITS.indexOf(unit);
  return u > 0 && u < 10 ? t * 10 + u : undefined;
}

const NUMBER = String.raw`(\d+|[a-z]+(?:-[a-z]+)?)`;

function numbersAfter(pattern: RegExp, text: string): number[] {
  return [...text.matchAll(pattern)].map((m) => numberFrom(m[1]!)).filter((n) => n !== undefined);
}

/** Every number in the text. */
export const numbersIn = (text: string) => numbersAfter(new RegExp(`\\b${NUMBER}\\b`, 'gi'), text);

/** Ages a speaker gives: "I'm thirty", "I am 47", "aged sixteen", "47 years old". */
export function statedAges(text: string): number[] {
  return [
    ...numbersAfter(new RegExp(`\\b(?:I[’']m|I am|aged)\\s+${NUMBER}\\b`, 'gi'), text),
    ...numbersAfter(new RegExp(`\\b${NUMBER}\\s+years?\\s+old\\b`, 'gi'), text),
  ];
}

/** Spans of years: "sixty year", "twenty years". */
export const yearsStated = (text: string) =>
  numbersAfter(new RegExp(`\\b${NUMBER}\\s+years?\\b(?!\\s+old)`, 'gi'), text);

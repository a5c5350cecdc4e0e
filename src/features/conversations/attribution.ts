import { SAID_BY, SAID_BY_SHORT, type SaidBy, TYPED_BY_ROLE } from './lists.ts';

/**
 * Whose words these are, in words, wherever they are shown: who said them and which
 * signed-in account typed them ("Said by Callum · typed by Sam Okafor (social worker)").
 * Pure: the person's name is passed in.
 */
export interface AttributedWords {
  saidBy: string;
  saidByName: string | null;
  /** The account that typed them, as it was then; null when that was not recorded. */
  typedBy: { name: string; role: string } | null;
}

/** "Callum", "Fiona Reid (representative)", or "their advocate" when no name was given. */
export function whoSaid(words: Pick<AttributedWords, 'saidBy' | 'saidByName'>, personName: string): string {
  if (words.saidBy === 'person') return personName;
  const name = words.saidByName?.trim();
  const short = SAID_BY_SHORT[words.saidBy as SaidBy];
  if (name) return short ? `${name} (${short})` : name;
  return (
    (SAID_BY as Record<string, string>)[words.saidBy]?.replace(/^./, (c) => c.toLowerCase()) ?? words.saidBy
  );
}

/** "Sam Okafor (social worker)", or null when who typed it was not recorded (older words). */
export function whoTyped(typedBy: AttributedWords['typedBy']): string | null {
  const name = typedBy?.name.trim();
  if (!name) return null;
  const role = TYPED_BY_ROLE[typedBy!.role];
  return role ? `${name} (${role})` : name;
}

/** The line shown under the words. */
export function attributionLine(words: AttributedWords, personName: string): string {
  const typed = whoTyped(words.typedBy);
  return `Said by ${whoSaid(words, personName)} · ${typed ? `typed by ${typed}` : 'who typed it was not recorded'}`;
}

/** The person's own words apart from everyone else's, each with its attribution line. */
export function byVoice<T extends AttributedWords>(
  items: readonly T[],
  personName: string,
): { own: (T & { attribution: string })[]; others: (T & { attribution: string })[] } {
  const shown = items.map((item) => ({ ...item, attribution: attributionLine(item, personName) }));
  return {
    own: shown.filter((item) => item.saidBy === 'person'),
    others: shown.filter((item) => item.saidBy !== 'person'),
  };
}

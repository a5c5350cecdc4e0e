import { formatDate } from '../../../platform/dates.ts';
import type { AboutMeConversation } from '../../conversations/index.ts';

/**
 * The first words of the plan's "About me", from the person's good conversation, so the
 * plan starts from what they said instead of an empty box. Their own words are quoted and
 * marked as theirs; anything someone else said says who said it; everything says who typed it. The person (or whoever
 * helps them) then changes it as they like: once saved, it is the plan's own text.
 */
export function aboutMeFromConversation(conversation: AboutMeConversation | null): string | null {
  if (!conversation || conversation.entries.length === 0) return null;
  const parts = [`From the good conversation on ${formatDate(conversation.heldOn)}.`];
  let section = '';
  for (const entry of conversation.entries) {
    if (entry.section !== section) {
      section = entry.section;
      parts.push('', entry.section === 'child_views' ? 'My own views' : entry.sectionLabel);
    }
    const typed = entry.typedBy ? `typed by ${entry.typedBy}` : 'who typed it was not recorded';
    parts.push(
      entry.ownWords
        ? `“${entry.text}” (in my own words · ${typed})`
        : entry.saidBy === 'the person'
          ? `${entry.text} (what I said, not in my exact words · ${typed})`
          : `${entry.text} (said by ${entry.saidBy} · ${typed})`,
    );
  }
  return parts.join('\n');
}

/** A plan whose "About me" was never written starts from the conversation; written text is never replaced. */
export function withAboutMe<T extends { aboutMe?: string }>(content: T, starter: string | null): T {
  return content.aboutMe === undefined && starter ? { ...content, aboutMe: starter } : content;
}

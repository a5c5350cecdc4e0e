import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { whoTyped } from './attribution.ts';
import { SAID_BY, SECTIONS, type Section } from './lists.ts';
import { conversationEntries, conversations } from './schema.ts';

/**
 * Read access to the person's good conversation for the support plan's "About me" (plans
 * start from it instead of an empty box). Runs inside the caller's audited transaction:
 * the caller has already been allowed to read the record.
 */

/** The parts of a conversation that say who the person is, in the order a plan tells them. */
export const ABOUT_ME_SECTIONS = [
  'what_matters',
  'child_views',
  'strengths',
  'people_places',
] as const satisfies readonly Section[];

export interface AboutMeEntry {
  section: (typeof ABOUT_ME_SECTIONS)[number];
  sectionLabel: string;
  text: string;
  /** Written as the person said it. */
  ownWords: boolean;
  /** Who said it, in words: "the person", or a name and how they know the person. */
  saidBy: string;
  /** Who typed it, in words ("Sam Okafor (social worker)"); null when that was not recorded. */
  typedBy: string | null;
}

export interface AboutMeConversation {
  heldOn: string;
  entries: AboutMeEntry[];
}

/**
 * The most recent good conversation that says what matters to the person, their strengths
 * or the people and places important to them (a child's own views count), with just those
 * entries, oldest first within each section. Null when no conversation says any of it.
 */
export async function aboutMeConversation(tx: Tx, personId: string): Promise<AboutMeConversation | null> {
  const found = await tx
    .select({
      conversationId: conversations.id,
      heldOn: conversations.heldOn,
      section: conversationEntries.section,
      text: conversationEntries.text,
      ownWords: conversationEntries.ownWords,
      saidBy: conversationEntries.saidBy,
      saidByName: conversationEntries.saidByName,
      typedByName: conversationEntries.typedByName,
      typedByRole: conversationEntries.typedByRole,
      createdAt: conversationEntries.createdAt,
    })
    .from(conversationEntries)
    .innerJoin(
      conversations,
      and(
        eq(conversations.authorityId, conversationEntries.authorityId),
        eq(conversations.id, conversationEntries.conversationId),
      ),
    )
    .where(
      and(
        eq(conversationEntries.personId, personId),
        inArray(conversationEntries.section, [...ABOUT_ME_SECTIONS]),
      ),
    )
    .orderBy(desc(conversations.heldOn), desc(conversations.createdAt));
  const latest = found[0];
  if (!latest) return null;
  const rank = (section: string) => ABOUT_ME_SECTIONS.indexOf(section as AboutMeEntry['section']);
  // Within a section the person's own voice comes first, apart from what others said.
  const voice = (saidBy: string) => (saidBy === 'person' ? 0 : 1);
  const entries = found
    .filter((e) => e.conversationId === latest.conversationId)
    .sort(
      (a, b) =>
        rank(a.section) - rank(b.section) ||
        voice(a.saidBy) - voice(b.saidBy) ||
        a.createdAt.getTime() - b.createdAt.getTime(),
    )
    .map((e) => ({
      section: e.section as AboutMeEntry['section'],
      sectionLabel: SECTIONS[e.section as Section],
      text: e.text.trim(),
      ownWords: e.ownWords,
      saidBy: whoSaid(e.saidBy, e.saidByName),
      typedBy: whoTyped(e.typedByName ? { name: e.typedByName, role: e.typedByRole ?? '' } : null),
    }));
  return { heldOn: latest.heldOn, entries };
}

function whoSaid(saidBy: string, name: string | null): string {
  const label = (SAID_BY as Record<string, string>)[saidBy]?.toLowerCase() ?? saidBy;
  if (saidBy === 'person') return 'the person';
  return name?.trim() ? `${name.trim()} (${label})` : label;
}

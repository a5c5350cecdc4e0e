import { FUNDING_STREAMS } from '../../platform/funding-streams.ts';
import { OUTCOME_AREAS, SAID_BY, SECTIONS } from '../conversations/index.ts';
import { CLIENT_GROUPS } from '../people/index.ts';
import { AGREEMENT_WAYS, PROVIDER_KINDS } from '../plans/index.ts';

/**
 * Every fixed code list an API client sends a code from, by the name the API uses, with a
 * plain label for each code. The same objects are the request schemas' enums, so what this
 * lists is exactly what the API accepts.
 */
export const REFERENCE_LISTS = {
  clientGroup: { description: 'A person’s client group (people: clientGroup).', values: CLIENT_GROUPS },
  conversationSection: {
    description: 'The section of a good conversation an entry belongs to (conversation entries: section).',
    values: SECTIONS,
  },
  conversationSaidBy: {
    description: 'Who said a conversation entry (conversation entries: saidBy).',
    values: SAID_BY,
  },
  outcomeSaidBy: { description: 'Whose words a personal outcome is (outcomes: saidBy).', values: SAID_BY },
  outcomeArea: {
    description: 'The area of life a personal outcome is about (outcomes: area).',
    values: OUTCOME_AREAS,
  },
  providerKind: {
    description: 'Who gives the support on a plan’s cost line (costLines: providerKind).',
    values: PROVIDER_KINDS,
  },
  planAgreementWay: {
    description:
      'How a person without an account agreed their plan, as a worker records it (plan agreement: way).',
    values: AGREEMENT_WAYS,
  },
  fundingStream: {
    description:
      'The national funding streams every council starts with. A council’s own list, with its local streams and any it has retired, is GET /api/v1/funding-streams: plan costLines fundingStream and budget fundingStreams stream take a code from that.',
    values: FUNDING_STREAMS,
  },
} as const satisfies Record<string, { description: string; values: Record<string, string> }>;

export type ReferenceListName = keyof typeof REFERENCE_LISTS;

export function referenceList(name: ReferenceListName) {
  const list = REFERENCE_LISTS[name];
  return {
    name,
    description: list.description,
    values: Object.entries(list.values).map(([value, label]) => ({ value, label })),
  };
}

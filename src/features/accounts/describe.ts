/** What an audited action means, in plain words for the person whose record it is. */
const WHAT: Record<string, string> = {
  'record.read': 'looked at the record',
  'record.export': 'made a copy of everything held about you',
  'equality.read': 'looked at equality information',
  'own_words.write': 'added or changed words in the record',
  'case.write': 'updated the record',
  'case.decide': 'made a decision',
  'plan.sign': 'signed a support plan',
  'money.read': 'looked at payments',
  'money.account': 'sent a payment return',
  'money.manage': 'changed payment details',
  'audit.own': 'looked at who has seen the record',
  'record.break_glass': 'opened the record without being allocated, giving a reason',
  'access.grant': 'changed who holds or can see the record',
};

/**
 * Actions are named `<area>.<verb>` (sometimes with a `:detail`); known ones get a plain
 * sentence, and a new feature's action still reads as words rather than a code.
 */
export function describeAction(action: string, outcome?: string): string {
  const words =
    WHAT[action] ?? WHAT[action.split(':')[0]!] ?? action.replaceAll('.', ' ').replaceAll('_', ' ');
  return outcome === 'denied' ? `tried to open the record but was not allowed (${words})` : words;
}

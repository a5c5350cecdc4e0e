/**
 * The national client groups (migration 0004 writes the same rows into `client_groups`; a
 * test checks they match), code → label, in their order. Codes never change.
 */
export const CLIENT_GROUPS = {
  older_people: 'Older people',
  learning_disability: 'Learning disability',
  physical_disability: 'Physical disability',
  mental_health: 'Mental health',
  dementia: 'Dementia',
  substance_use: 'Substance use',
  other: 'Other',
} as const;
export type ClientGroup = keyof typeof CLIENT_GROUPS;
export const CLIENT_GROUP_CODES = Object.keys(CLIENT_GROUPS) as [ClientGroup, ...ClientGroup[]];

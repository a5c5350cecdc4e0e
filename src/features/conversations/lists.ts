/** The fixed lists of conversations and outcomes, code → label. */

/** Sections of a good conversation, in the order they are talked about. */
export const SECTIONS = {
  what_matters: 'What matters to me',
  working: 'What is working',
  not_working: 'What is not working',
  strengths: 'My strengths',
  people_places: 'People and places important to me',
  change: 'What I want to change',
  try: 'What I would like to try',
  child_views: 'The child’s own views',
  parent_views: 'Parents’ or carers’ views',
} as const;
export type Section = keyof typeof SECTIONS;

/** Only for a child: their own views are kept apart from their parents' views. */
export const CHILD_ONLY_SECTIONS: readonly Section[] = ['child_views', 'parent_views'];

/** Who said the words (never who typed them: that is the signed-in account, recorded by the server). */
export const SAID_BY = {
  person: 'The person',
  family: 'A family member or friend',
  representative: 'Their representative',
  advocate: 'Their advocate',
  worker: 'The worker',
} as const;
export type SaidBy = keyof typeof SAID_BY;
export const SAID_BY_CODES = Object.keys(SAID_BY) as [SaidBy, ...SaidBy[]];

/** How someone who said words is named after their name: "Fiona Reid (representative)". */
export const SAID_BY_SHORT: Record<SaidBy, string> = {
  person: 'the person',
  family: 'family or friend',
  representative: 'representative',
  advocate: 'advocate',
  worker: 'worker',
};

/** How the account that typed words is named after its name: "Sam Okafor (social worker)". */
export const TYPED_BY_ROLE: Partial<Record<string, string>> = {
  worker: 'social worker',
  manager: 'team manager',
  representative: 'representative',
  circle_member: 'circle of support',
  advocate: 'advocate',
};

/**
 * The national outcome areas (migration 0004 writes the same rows into `outcome_areas`; a test
 * checks they match), code → the plain label the person reads, in their order.
 */
export const OUTCOME_AREAS = {
  feeling_safe: 'Feeling safe',
  health: 'My health',
  where_i_live: 'Where I live',
  people_i_see: 'People I see',
  things_i_do: 'Things I like to do',
  work_and_learning: 'Work and learning',
  managing_money: 'My money',
  daily_living: 'Looking after myself',
  having_a_say: 'Having my say',
} as const;
export type OutcomeArea = keyof typeof OUTCOME_AREAS;

export const OUTCOME_STATUS = {
  active: 'Working on it',
  achieved: 'Achieved',
  paused: 'Paused',
  ended: 'No longer wanted',
} as const;

export const PRIORITY = { 1: 'High', 2: 'Medium', 3: 'Low' } as const;

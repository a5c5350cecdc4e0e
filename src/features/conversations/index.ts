/**
 * The conversations feature's public surface: other features, src/app.ts, src/cli, the seeders and the
 * feature list import only this file (a `schema.ts` may import another feature's `schema.ts` for
 * foreign keys). Add an export here only when another part of the code needs it.
 */
export { personalOutcomes } from './schema.ts';
export { listCurrentOutcomes } from './outcomes-read.ts';
export type { OutcomeSummary } from './outcomes-read.ts';
export { conversationsFeature } from './routes.ts';
export { aboutMeConversation } from './about-me-read.ts';
export type { AboutMeConversation } from './about-me-read.ts';
export { OUTCOME_AREAS, SAID_BY, SECTIONS } from './lists.ts';
export { seedDemoConversations } from './seed.ts';
export { ownWordsOf, recordOutcomes } from './record-outcomes.ts';
export { conversationServices } from './service.ts';
/** The personal outcomes file of a caseload import (the imports feature runs it). */
export { outcomesSection } from './import.ts';

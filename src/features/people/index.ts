/**
 * The people feature's public surface: other features, src/app.ts, src/cli, the seeders and the
 * feature list import only this file (a `schema.ts` may import another feature's `schema.ts` for
 * foreign keys). Add an export here only when another part of the code needs it.
 */
export { resolveRelationship } from './access.ts';
export { people } from './schema.ts';
export { personHeading } from './person-heading.ts';
export { letterAddressing, recordReference } from './letter-addressing.ts';
export { COMMUNICATION_NEEDS, ETHNICITY, labelOf, SEX } from './lists.ts';
export { personHeader, providersOf, providersWorkingWith, staleRecord } from './service.ts';
export { findPerson } from './store.ts';
export { isChild, transitionStatus } from './rules.ts';
export type { Nation } from './rules.ts';
export { blankToNull } from './validate.ts';
export { peopleFeature } from './routes.ts';
export type { InterimStatus, PeopleDeps } from './deps.ts';
export { CLIENT_GROUPS } from './client-groups.ts';
export { seedDemoPeople } from './seed.ts';
/** The demo caseload and what each person said, for the conversations seeder. */
export {
  CHILD_SAID,
  childSaidFor,
  conversationDate,
  DEMO_DAYS_AGO,
  DEMO_PEOPLE,
  referralDate,
  SAID,
  saidFor,
} from './seed-data.ts';
export { DEMO_ENGLISH_PEOPLE, demoCaseload } from './seed-data-england.ts';
export { peopleServices } from './service.ts';
/** The council's localities, for the teams that cover them (accounts/teams.ts). */
export { type Locality, localityList } from './localities.ts';
/** Advocacy and support offered at each stage: the stage pages' inset and the advocacy report. */
export { stageSupport } from './safeguards.ts';
export { ASKED_STAGES, type AskedStage, type StageSupport } from './support-stages.ts';
export { SUPPORT_KINDS, SUPPORT_RESPONSES, SUPPORT_STAGES } from './lists.ts';
export {
  type AcceptedInvitation,
  invitedDateOfBirth,
  linkInvitedAccount,
  checkCodeHash,
} from './invitations.ts';
export {
  INVITATION_KINDS,
  invitationState,
  MAX_FAILED_CHECKS,
  normaliseCheckCode,
  triesLeft,
} from './invitation-rules.ts';
/** The people feature's files of a caseload import (the imports feature runs them). */
export { circleSection, PEOPLE_IMPORT_SECTIONS, peopleSection, representativesSection } from './import.ts';

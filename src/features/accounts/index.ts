/**
 * The accounts feature's public surface: other features, src/app.ts, src/cli, the seeders and the
 * feature list import only this file (a `schema.ts` may import another feature's `schema.ts` for
 * foreign keys). Add an export here only when another part of the code needs it.
 */
export {
  BOROUGH_DEMO_ROLES,
  DEMO_ROLES,
  type DemoCouncilCode,
  demoAccounts,
  demoApproverEmail,
  demoEmail,
  DEMO_OPERATOR,
} from './demo-users.ts';
export { accountsFeature } from './routes.ts';
export { accountServices, emailTaken, insertStaffInvitation } from './service.ts';

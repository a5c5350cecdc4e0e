import type { FastifyPluginAsync } from 'fastify';
import type { FeatureDeps } from '../index.ts';
import { accountApi } from './api.ts';
import { auditPages } from './audit-pages.ts';
import { accountPages } from './pages.ts';
import { teamPages } from './team-pages.ts';

/** Sign-in, accounts, staff administration, break glass and the audit views. */
export const accountsFeature: FastifyPluginAsync<FeatureDeps> = async (app, deps) => {
  await app.register(accountPages, deps);
  await app.register(auditPages, deps);
  await app.register(teamPages, deps);
  await app.register(accountApi, deps);
};

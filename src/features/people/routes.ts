import type { FastifyPluginAsync } from 'fastify';
import type { PeopleDeps } from './deps.ts';
import { peopleApi } from './api.ts';
import { invitationApi } from './invitation-api.ts';
import { invitationPages } from './invitation-pages.ts';
import { localityPages } from './locality-pages.ts';
import { myPages } from './my-pages.ts';
import { equalityPages, peoplePages } from './pages.ts';

/** People: the case list, the person record and its parts, and "my record" for citizens (what it shows from other features comes in `deps`, see deps.ts). */
export const peopleFeature: FastifyPluginAsync<PeopleDeps> = async (app, deps) => {
  await app.register(peoplePages, deps);
  await app.register(equalityPages, deps);
  await app.register(myPages, deps);
  await app.register(localityPages, deps);
  await app.register(invitationPages, deps);
  await app.register(peopleApi, deps);
  await app.register(invitationApi, deps);
};

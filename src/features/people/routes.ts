import type { FastifyPluginAsync } from 'fastify';
import type { FeatureDeps } from '../index.ts';
import { peopleApi } from './api.ts';
import { myPages } from './my-pages.ts';
import { equalityPages, peoplePages } from './pages.ts';

/** People: the case list, the person record and its parts, and "my record" for citizens. */
export const peopleFeature: FastifyPluginAsync<FeatureDeps> = async (app, deps) => {
  await app.register(peoplePages, deps);
  await app.register(equalityPages, deps);
  await app.register(myPages, deps);
  await app.register(peopleApi, deps);
};

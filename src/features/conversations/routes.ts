import type { FastifyPluginAsync } from 'fastify';
import type { FeatureDeps } from '../index.ts';
import { conversationsApi } from './api.ts';
import { conversationPages } from './pages.ts';
import { myOutcomePages } from './my-pages.ts';

/** Good conversations and personal outcomes: the person's own words first. */
export const conversationsFeature: FastifyPluginAsync<FeatureDeps> = async (app, deps) => {
  await app.register(conversationPages, deps);
  await app.register(myOutcomePages, deps);
  await app.register(conversationsApi, deps);
};

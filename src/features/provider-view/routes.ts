import type { FastifyPluginAsync } from 'fastify';
import type { FeatureDeps } from '../index.ts';
import { providerPages } from './pages.ts';

/**
 * A provider's view of a person (`service.read`): the person's names and contact from the people
 * feature and the provider's own part of the agreed plan from the plans feature. It sits above both,
 * so neither people nor plans needs the other.
 */
export const providerViewFeature: FastifyPluginAsync<FeatureDeps> = async (app, deps) => {
  await app.register(providerPages, deps);
};

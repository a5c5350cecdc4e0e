import type { FastifyInstance } from 'fastify';
import { type Db, ping } from '../db/client.ts';

/** Liveness answers without touching anything; readiness proves the database answers. */
export async function healthRoutes(app: FastifyInstance, options: { db: Db }) {
  app.get('/health', { config: { access: 'public' }, logLevel: 'warn' }, async () => ({ status: 'ok' }));
  app.get('/ready', { config: { access: 'public' }, logLevel: 'warn' }, async (_request, reply) => {
    try {
      await ping(options.db);
      return { status: 'ready', database: 'ok' };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: 'not answering' });
    }
  });
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { fakeActor } from '../../../test/support/fake-app.ts';
import type { Db } from '../db/client.ts';
import { accessGuard } from './guard.ts';
import { ROLES, type Role } from './roles.ts';
import { councilRoute, operatorActor, operatorRoute } from './routes.ts';

/** The guard decides a platform route: the operator (no council) only, never a council account. */
describe('operator routes', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = Fastify();
    app.setErrorHandler((error: { status?: number }, _request, reply) =>
      reply.status(error.status ?? 500).send({}),
    );
    await app.register(accessGuard, {
      db: {} as Db, // no route here reaches the database
      routes: [],
      resolveRelationship: async () => ({ kind: 'none', powers: [] }),
      authenticate: async (request) => {
        const role = ROLES.find((r: Role) => r === request.headers['x-fake-actor']);
        return role ? fakeActor(role) : null;
      },
    });
    app.get('/test-operator-only', operatorRoute('councils.manage'), async (request) => ({
      role: operatorActor(request).role,
    }));
    app.get('/test-council-admin', councilRoute('users.manage'), async () => ({ ok: true }));
    await app.ready();
  });
  afterAll(() => app.close());

  it('let only the platform operator through', async () => {
    for (const role of ROLES) {
      const answer = await app.inject({ url: '/test-operator-only', headers: { 'x-fake-actor': role } });
      expect([role, answer.statusCode]).toEqual([role, role === 'operator' ? 200 : 403]);
    }
    const signedOut = await app.inject({ url: '/test-operator-only' });
    expect(signedOut.statusCode).not.toBe(200);
  });

  it('refuse the operator a council route, even the administrator’s', async () => {
    const answer = await app.inject({ url: '/test-council-admin', headers: { 'x-fake-actor': 'operator' } });
    expect(answer.statusCode).toBe(403);
    const admin = await app.inject({ url: '/test-council-admin', headers: { 'x-fake-actor': 'admin' } });
    expect(admin.statusCode).toBe(200);
  });
});

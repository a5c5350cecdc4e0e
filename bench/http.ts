import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import Fastify, { type FastifyInstance } from 'fastify';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { createApiToken, createSession } from '../src/platform/auth/credentials.ts';
import { SESSION_COOKIE } from '../src/platform/auth/guard.ts';
import { rows } from '../src/platform/db/transaction.ts';
import { ratioOf, rssMb, type ScenarioResult } from './measure.ts';
import type { BenchDatabase } from './setup.ts';

const CONNECTIONS = 50;

/** The case list's first page as the people store builds it, written once by hand. */
const caseListSql = (authorityId: string) =>
  sql`select p.id, p.legal_name, p.preferred_name, p.date_of_birth, p.chi_number, p.nhs_number, p.client_group,
             p.locality, p.crisis, p.status, p.allocated_worker_id, u.display_name, t.name as team_name, p.updated_at,
             count(*) over () as total
      from people p
      left join users u on u.authority_id = p.authority_id and u.id = p.allocated_worker_id
      left join teams t on t.authority_id = p.authority_id and t.id = p.allocated_team_id
      where p.authority_id = ${authorityId}
      order by p.legal_name, p.id limit 25`;

const personSql = (authorityId: string, personId: string) =>
  sql`select p.*, u.display_name as worker_name, t.name as team_name
      from people p
      left join users u on u.authority_id = p.authority_id and u.id = p.allocated_worker_id
      left join teams t on t.authority_id = p.authority_id and t.id = p.allocated_team_id
      where p.authority_id = ${authorityId} and p.id = ${personId}`;

/** A Fastify with nothing but the route: no guard, no session, no audit, no templates. */
async function bareServer(bench: BenchDatabase): Promise<FastifyInstance> {
  const db = bench.database.db;
  const bare = Fastify({ logger: false });
  bare.get('/people', async () => rows(db, caseListSql(bench.authorityId)));
  bare.get<{ Params: { id: string } }>('/people/:id', async (request) => {
    const [person] = await rows(db, personSql(bench.authorityId, request.params.id));
    return person;
  });
  await bare.listen({ port: 0, host: '127.0.0.1' });
  return bare;
}

const urlOf = (server: FastifyInstance) => {
  const address = server.server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
};

async function load(url: string, seconds: number, headers: Record<string, string> = {}) {
  // Warm up, then after the load wait for one more answer: on PGlite (one connection) the
  // queries of abandoned requests are still queued, and must not slow the next measurement.
  await fetch(url, { headers });
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers, timeout: 30 });
  await fetch(url, { headers });
  const errors = result.non2xx + result.errors + result.timeouts;
  if (result.requests.total === 0 || errors > result.requests.total / 100)
    throw new Error(
      `${url}: ${errors} of ${result.requests.total} requests failed (${result.non2xx} non-2xx)`,
    );
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    rss: rssMb(),
  };
}

/**
 * The case list (page and API) and the person summary under 50 connections, each followed by
 * the bare route doing the equivalent query on the same data, in the same process.
 */
export async function httpScenarios(bench: BenchDatabase, seconds: number): Promise<ScenarioResult[]> {
  const db = bench.database.db;
  const config = { ...loadConfig({ ...process.env, LOG_LEVEL: 'silent' }) };
  const app = await buildApp({ database: bench.database, config });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const bare = await bareServer(bench);
  const worker = bench.staff.worker;
  const [person] = await rows<{ id: string }>(
    db,
    sql`select id from people where authority_id = ${bench.authorityId} and allocated_worker_id = ${worker.userId} limit 1`,
  );
  const token = (await createApiToken(db, worker.userId)).token;
  const cookie = `${SESSION_COOKIE}=${app.signCookie(await createSession(db, worker.userId))}`;
  const api = { authorization: `Bearer ${token}` };
  const cases: [string, string, Record<string, string>, string][] = [
    ['case list page /people', '/people', { cookie }, '/people'],
    ['case list API /api/v1/people', '/api/v1/people', api, '/people'],
    ['person summary API', `/api/v1/people/${person!.id}`, api, `/people/${person!.id}`],
  ];
  const results: ScenarioResult[] = [];
  try {
    for (const [scenario, path, headers, barePath] of cases) {
      const hasRoute = app.routeTable.some(
        (r) => r.method === 'GET' && path.startsWith(r.url.split('/:')[0]!),
      );
      if (!hasRoute) continue;
      const measured = await load(`${urlOf(app)}${path}`, seconds, headers);
      const baseline = await load(`${urlOf(bare)}${barePath}`, seconds);
      const ratio = ratioOf(measured.rps, baseline.rps);
      results.push({
        scenario,
        app: `GET ${path.replace(person!.id, ':personId')} (guard, tenancy, audit${headers.cookie ? ', template' : ''})`,
        baseline: `bare Fastify GET ${barePath.replace(person!.id, ':id')}: the same SQL`,
        unit: 'req/s',
        appValue: measured.rps,
        baselineValue: baseline.rps,
        ratio,
        target: '≥ 50% of bare, p99 < 50 ms',
        meetsTarget: ratio >= 0.5 && measured.p99 < 50,
        detail: {
          appP50ms: measured.p50,
          appP99ms: measured.p99,
          baselineP50ms: baseline.p50,
          baselineP99ms: baseline.p99,
          appRequests: measured.requests,
          rssMb: measured.rss,
        },
      });
    }
  } finally {
    await bare.close();
    await app.close();
  }
  return results;
}

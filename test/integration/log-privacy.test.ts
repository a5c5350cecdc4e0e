import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/app.ts';
import { apiToken, bearer, type TestApp, testApp } from '../support/app.ts';

/**
 * Personal data never reaches the logs: a query that fails with a person's name, date of
 * birth and address in its parameters is logged by its SQL shape, its database error code
 * and the request id, never by its values; nor is a search typed into the address bar.
 */
let t: TestApp;
let app: App;
const lines: string[] = [];

beforeAll(async () => {
  t = await testApp();
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  app = await buildApp({
    database: t.database,
    config: { ...t.config, logLevel: 'trace' },
    logStream: stream,
  });
  // Make every new person's insert fail inside the database, as a broken disk or constraint would.
  await t.database.db.execute(sql`
    create function refuse_people() returns trigger language plpgsql as $$
      begin raise exception 'the people table is refusing writes' using errcode = 'XX001'; end $$`);
  await t.database.db.execute(
    sql`create trigger refuse_people before insert on people for each row execute function refuse_people()`,
  );
});
afterAll(async () => {
  await app.close();
  await t.close();
});

const PERSONAL = {
  legalName: 'Zebedee Quartermain-Loggable',
  dateOfBirth: '1961-07-23',
  addressLine1: '17 Uniquely Named Crescent',
  postcode: 'KY99 9ZZ',
  email: 'zebedee.loggable@example.org',
  phone: '07700 900417',
};

describe('logs never carry personal data', () => {
  it('a failed insert is logged at error level by its SQL and code and request id, without its values', async () => {
    const token = await apiToken(app, 'worker');
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: { ...bearer(token), 'x-request-id': 'log-privacy-test-1' },
      payload: { ...PERSONAL, clientGroup: 'older_people' },
    });
    expect(response.statusCode).toBe(500);
    const errors = lines.map((l) => JSON.parse(l)).filter((l) => l.level >= 50);
    expect(errors.length).toBeGreaterThan(0);
    const failed = errors.find((l) => l.reqId === 'log-privacy-test-1');
    expect(failed).toBeDefined();
    // Enough to find the fault: what the query was and what the database said, by code.
    expect(JSON.stringify(failed)).toContain('insert into');
    expect(JSON.stringify(failed)).toContain('XX001');
    const everything = lines.join('\n');
    for (const value of Object.values(PERSONAL)) expect(everything).not.toContain(value);
    expect(everything).not.toContain('Zebedee');
  });

  it('the address bar’s search words are not logged with the request', async () => {
    const token = await apiToken(app, 'worker');
    const response = await app.inject({
      url: '/api/v1/people?q=Zebedee+Quartermain',
      headers: bearer(token),
    });
    expect(response.statusCode).toBe(200);
    expect(lines.some((l) => l.includes('/api/v1/people'))).toBe(true);
    expect(lines.join('\n')).not.toContain('Quartermain');
  });
});

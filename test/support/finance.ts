import { SECOND_FINANCE_EMAIL } from '../../src/features/payments/seed.ts';
import { demoPersonId } from '../../src/features/payments/payments.fixtures.ts';
import { apiToken, bearer, type TestApp, testApp } from './app.ts';

/**
 * The demo app as the charging and payments suites use it: signed in through the API as
 * the finance officer, as the second finance officer (`approver`, who approves the runs the
 * first creates) and as Morag Campbell, the demo person, whose record id is `morag`.
 */
export async function financeTestApp(): Promise<{
  t: TestApp;
  finance: string;
  approver: string;
  person: string;
  morag: string;
}> {
  const t = await testApp();
  const finance = await apiToken(t.app, 'finance');
  const approver = await apiToken(t.app, SECOND_FINANCE_EMAIL);
  const person = await apiToken(t.app, 'person');
  const morag = await demoPersonId(t.database.db);
  return { t, finance, approver, person, morag };
}

/**
 * GET and POST to the API with a bearer token. The app and the default token are read when
 * a request is made, because suites start the app in `beforeAll`, after this is called.
 */
export function bearerRequests(current: () => { t: TestApp; token: string }) {
  return {
    get: (url: string, token = current().token) =>
      current().t.app.inject({ method: 'GET', url, headers: bearer(token) }),
    post: (url: string, payload: unknown, token = current().token) =>
      current().t.app.inject({ method: 'POST', url, payload: payload as object, headers: bearer(token) }),
  };
}

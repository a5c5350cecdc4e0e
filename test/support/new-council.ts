import { DEMO_OPERATOR } from '../../src/features/accounts/demo-users.ts';
import { apiToken, bearer, type TestApp } from './app.ts';

/**
 * A council created from nothing, as the operator creates one (POST /api/v1/councils), with its
 * first administrator's invitation accepted: no teams, policies or settings yet. For the tests
 * that prove a brand-new council can set itself up through its own pages and API.
 */
export async function newCouncil(
  t: TestApp,
  options: { nation: 'scotland' | 'england'; code: string },
): Promise<{ authorityId: string; adminToken: string; adminEmail: string }> {
  const operator = await apiToken(t.app, DEMO_OPERATOR.email);
  const adminEmail = `first.admin@${options.code}.example`;
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/v1/councils',
    headers: bearer(operator),
    payload: {
      nation: options.nation,
      name: `${options.code} Council`,
      code: options.code,
      addressLine1: 'Council Offices',
      town: 'Newtown',
      postcode: 'ZZ9 9ZZ',
      email: `care@${options.code}.example`,
      dataControllerName: `${options.code} Council`,
      dataControllerAddress: 'Council Offices\nNewtown\nZZ9 9ZZ',
      dataControllerEmail: `information@${options.code}.example`,
      dataProtectionOfficerEmail: `dpo@${options.code}.example`,
      icoRegistrationNumber: 'Z1234567',
      administratorName: 'First Administrator',
      administratorEmail: adminEmail,
    },
  });
  if (created.statusCode !== 201) throw new Error(`council not created: ${created.body}`);
  const { council, invitationPath } = created.json() as { council: { id: string }; invitationPath: string };
  const password = 'a-long-new-password-1';
  const accepted = await t.app.inject({
    method: 'POST',
    url: `/api/v1/invitations/${invitationPath.split('/').pop()}/accept`,
    payload: { dateOfBirth: '', checkCode: '', password, confirmPassword: password },
  });
  if (accepted.statusCode !== 200) throw new Error(`invitation not accepted: ${accepted.body}`);
  return { authorityId: council.id, adminToken: await apiToken(t.app, adminEmail, password), adminEmail };
}

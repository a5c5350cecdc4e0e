import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../app.ts';
import { apiToken, bearer, TEST_DATA_KEYS, type TestApp, testApp } from '../../../../test/support/app.ts';
import { type Config, newDataKey, parseDataKeys } from '../../../config.ts';
import { asSystem, rows } from '../../../platform/db/transaction.ts';
import { personWithAgreedPlan } from '../payments.fixtures.ts';
import { bankKeys, decryptBankDetails, encryptBankDetailsV1, sealedWith } from './crypto.ts';
import { resealBankDetails } from './rotation.ts';

/**
 * Rotating the data key over the demo council: every agreement is re-sealed under the new key
 * (including v1 text from before DATA_KEYS), batch by batch, the bank file still carries the
 * right accounts once the old key is removed, and a second run changes nothing.
 */
let t: TestApp;
const newKey = newDataKey('test-2');
beforeAll(async () => {
  t = await testApp();
  // A second agreement, then made to look as a database from before DATA_KEYS holds it (v1).
  const id = await personWithAgreedPlan(t.database.db, t.authorityId, 'Vera Version-One', [10_000]);
  const finance = await apiToken(t.app, 'finance');
  const made = await t.app.inject({
    method: 'POST',
    url: `/api/v1/people/${id}/payments/agreement`,
    headers: bearer(finance),
    payload: {
      frequency: 'four_weekly',
      startDate: '2026-04-06',
      holderKind: 'person',
      holderName: 'Vera Version-One',
      sortCode: '20-00-00',
      accountNumber: '55779911',
    },
  });
  expect(made.statusCode).toBe(201);
  const v1 = encryptBankDetailsV1(
    { sortCode: '200000', accountNumber: '55779911', accountName: 'Vera Version-One' },
    t.config.sessionSecret,
  );
  await asSystem(t.database.db, (tx) =>
    tx.execute(sql`update dp_agreements set bank_details = ${v1} where person_id = ${id}`),
  );
});
afterAll(() => t.close());

const stored = () =>
  asSystem(t.database.db, (tx) =>
    rows<{ id: string; bank_details: string; holder_name: string }>(
      tx,
      sql`select id, bank_details, holder_name from dp_agreements where authority_id = ${t.authorityId} order by id`,
    ),
  );
const config = (dataKeys: string): Config => ({ ...t.config, dataKeys: parseDataKeys(dataKeys) });

describe('selfdirect rotate-data-key', () => {
  it('re-seals every agreement under the new key in batches, keeps them readable, and audits it in plain words', async () => {
    const before = await stored();
    expect(before.length).toBeGreaterThanOrEqual(2);
    expect(new Set(before.map((r) => sealedWith(r.bank_details)))).toEqual(new Set(['test-1', 'v1']));
    const oldKeys = bankKeys(t.config);
    const opened = before.map((r) => decryptBankDetails(r.bank_details, oldKeys));

    const keys = bankKeys(config(`${newKey},${TEST_DATA_KEYS}`));
    let batches = 0;
    const result = await resealBankDetails(t.database.db, keys, { batchSize: 1, onBatch: () => batches++ });
    const council = result.find((c) => c.authorityId === t.authorityId)!;
    expect(council).toMatchObject({ resealed: before.length, changedMeanwhile: 0, unreadable: 0 });
    expect(batches).toBeGreaterThan(before.length - 1);

    const after = await stored();
    expect(after.every((r) => r.bank_details.startsWith('v2:test-2:'))).toBe(true);
    // Readable with the new key alone, and the same details as before.
    const onlyNew = bankKeys({ ...config(newKey), sessionSecret: '' });
    expect(after.map((r) => decryptBankDetails(r.bank_details, onlyNew))).toEqual(opened);

    const audit = await asSystem(t.database.db, (tx) =>
      rows<{ action: string; actor_role: string; detail: { resealed: number; keyId: string } }>(
        tx,
        sql`select action, actor_role, detail from audit_events
            where authority_id = ${t.authorityId} and action = 'payments.bank_details.reseal'`,
      ),
    );
    expect(audit).toEqual([
      {
        action: 'payments.bank_details.reseal',
        actor_role: 'system',
        detail: expect.objectContaining({ resealed: before.length, keyId: 'test-2' }),
      },
    ]);

    // A second run changes nothing and writes no audit row.
    const again = await resealBankDetails(t.database.db, keys);
    expect(again.find((c) => c.authorityId === t.authorityId)).toMatchObject({
      resealed: 0,
      alreadyCurrent: before.length,
    });
    expect((await stored()).map((r) => r.bank_details)).toEqual(after.map((r) => r.bank_details));
    const [{ n }] = (await asSystem(t.database.db, (tx) =>
      rows<{ n: number }>(
        tx,
        sql`select count(*)::int as n from audit_events
            where action = 'payments.bank_details.reseal' and authority_id = ${t.authorityId}`,
      ),
    )) as [{ n: number }];
    expect(n).toBe(1);
  });

  it('leaves the bank file right once the old key is removed', async () => {
    const app = await buildApp({ database: t.database, config: { ...config(newKey), mode: 'demo' } });
    try {
      const finance = await apiToken(app, 'finance');
      const [posted] = await asSystem(t.database.db, (tx) =>
        rows<{ id: string }>(
          tx,
          sql`select id from payment_runs where authority_id = ${t.authorityId} and status = 'posted' order by run_date limit 1`,
        ),
      );
      const file = await app.inject({
        url: `/api/v1/payments/runs/${posted!.id}/bank-file?format=csv`,
        headers: bearer(finance),
      });
      expect(file.statusCode).toBe(200);
      expect(file.body).toContain('608371,31926819,MORAG CAMPBELL,');
    } finally {
      await app.close();
    }
  });

  it('refuses, clearly, to open details under a key removed before rotating', async () => {
    const [row] = await stored();
    expect(() => decryptBankDetails(row!.bank_details, bankKeys(t.config))).toThrow(
      /data key “test-2”, which is not in DATA_KEYS/,
    );
  });
});

import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { sql } from 'drizzle-orm';
import { caseloadFiles } from '../src/features/imports/caseload.fixtures.ts';
import { importServices } from '../src/features/imports/index.ts';
import { rows } from '../src/platform/db/transaction.ts';
import { ratioOf, type ScenarioResult } from './measure.ts';
import { type BenchDatabase, councilAccess } from './setup.ts';

class RolledBack extends Error {}

interface PGliteLike {
  transaction<T>(
    work: (tx: { query(q: string, p: unknown[], o: { blob: Blob }): Promise<unknown> }) => Promise<T>,
  ): Promise<T>;
}

/**
 * A caseload import of `count` people with one outcome each (people.csv and outcomes.csv)
 * through the imports service: the dry run (decode, parse, check every row against the council)
 * then the commit (checked again, written set-based with the references, one audit row). The
 * baseline writes the same rows bare, already parsed, in one transaction rolled back: `COPY …
 * FROM` a CSV blob on PGlite (PGlite reads COPY input from `/dev/blob`), and on PostgreSQL, where
 * COPY FROM STDIN needs a streaming client we do not have, one multi-row INSERT per table from
 * JSON. Throughput is rows per second over both files. Each run imports into a new, empty council
 * of its own (outcome history is append-only, so imported rows cannot be taken out again), leaving
 * the synthetic council the other scenarios measure as it was generated.
 */
export async function importScenario(bench: BenchDatabase, count: number): Promise<ScenarioResult> {
  const db = bench.database.db;
  const code = `bench-import-${randomUUID().slice(0, 8)}`;
  const [council] = await rows<{ id: string }>(
    db,
    sql`insert into authorities (code, name, nation) values (${code}, 'Benchmark import council', 'scotland') returning id`,
  );
  const authorityId = council!.id;
  const [admin] = await rows<{ id: string }>(
    db,
    sql`insert into users (authority_id, email, display_name, role)
        values (${authorityId}, ${`admin@${code}.example`}, 'Benchmark administrator', 'admin') returning id`,
  );
  const prefix = `BENCH${randomUUID().slice(0, 8)}`;
  const files = caseloadFiles({ prefix, count, chi: false });
  const uploads = [
    { name: 'people.csv', bytes: Buffer.from(files['people.csv']) },
    { name: 'outcomes.csv', bytes: Buffer.from(files['outcomes.csv']) },
  ];
  const totalRows = count * 2;

  // The baseline's rows, parsed before the clock starts.
  const people = (parse(files['people.csv'], { columns: true }) as Record<string, string>[]).map((p) => ({
    id: randomUUID(),
    reference: p.person_reference!,
    legal_name: p.legal_name!,
    preferred_name: p.preferred_name!,
    date_of_birth: p.date_of_birth!,
    postcode: p.postcode!,
    client_group: p.client_group!,
    status: p.status!,
  }));
  const idOf = new Map(people.map((p) => [p.reference, p.id]));
  const outcomes = (parse(files['outcomes.csv'], { columns: true }) as Record<string, string>[]).map((o) => ({
    person_id: idOf.get(o.person_reference!)!,
    person_words: o.person_words!,
    said_by: o.said_by!,
    said_by_name: o.said_by_name || null,
    area: o.area!,
    priority: o.priority === 'high' ? 1 : 2,
  }));
  const client = (db as unknown as { $client?: PGliteLike }).$client;
  const useCopy = bench.database.kind === 'pglite' && client !== undefined;

  const baselineStarted = performance.now();
  if (useCopy) {
    const peopleCsv = stringify(
      people.map((p) => [
        p.id,
        authorityId,
        p.legal_name,
        p.preferred_name,
        p.date_of_birth,
        p.postcode,
        p.client_group,
        p.status,
      ]),
    );
    const outcomesCsv = stringify(
      outcomes.map((o) => [
        authorityId,
        o.person_id,
        o.person_words,
        o.said_by,
        o.said_by_name ?? '',
        o.area,
        o.priority,
      ]),
    );
    await client!
      .transaction(async (tx) => {
        await tx.query(
          `copy people (id, authority_id, legal_name, preferred_name, date_of_birth, postcode, client_group, status) from '/dev/blob' with (format csv)`,
          [],
          { blob: new Blob([peopleCsv]) },
        );
        await tx.query(
          `copy personal_outcomes (authority_id, person_id, person_words, said_by, said_by_name, area, priority) from '/dev/blob' with (format csv)`,
          [],
          { blob: new Blob([outcomesCsv]) },
        );
        throw new RolledBack();
      })
      .catch((error: unknown) => {
        if (!(error instanceof RolledBack)) throw error;
      });
  } else {
    await db
      .transaction(async (tx) => {
        await tx.execute(sql`
          insert into people (id, authority_id, legal_name, preferred_name, date_of_birth, postcode, client_group, status)
          select id, ${authorityId}, legal_name, preferred_name, date_of_birth, postcode, client_group, status
          from json_to_recordset(${JSON.stringify(people)}::json)
            as x(id uuid, legal_name text, preferred_name text, date_of_birth date, postcode text, client_group text, status text)`);
        await tx.execute(sql`
          insert into personal_outcomes (authority_id, person_id, person_words, said_by, said_by_name, area, priority)
          select ${authorityId}, person_id, person_words, said_by, said_by_name, area, priority
          from json_to_recordset(${JSON.stringify(outcomes)}::json)
            as x(person_id uuid, person_words text, said_by text, said_by_name text, area text, priority int)`);
        throw new RolledBack();
      })
      .catch((error: unknown) => {
        if (!(error instanceof RolledBack)) throw error;
      });
  }
  const baselineMs = performance.now() - baselineStarted;

  const imports = importServices(db);
  const access = councilAccess(
    { ...bench.staff.admin, userId: admin!.id, authorityId, displayName: 'Benchmark administrator' },
    'caseload.import',
    'bench',
  );
  const appStarted = performance.now();
  const checked = await imports.dryRun(access, uploads);
  const dryRunMs = performance.now() - appStarted;
  if (checked.problems.length)
    throw new Error(`the benchmark's files have problems: ${JSON.stringify(checked.problems.slice(0, 3))}`);
  const committed = await imports.commit(access, checked.id);
  const appMs = performance.now() - appStarted;
  if (committed.written !== totalRows) throw new Error(`wrote ${committed.written} rows, not ${totalRows}`);

  const appRate = totalRows / (appMs / 1000);
  const baselineRate = totalRows / (baselineMs / 1000);
  return {
    scenario: `caseload import: ${count.toLocaleString('en-GB')} people + ${count.toLocaleString('en-GB')} outcomes`,
    app: 'imports service: dry run (decode, parse, check every row against the council) + commit (checked again, set-based writes, references, audit)',
    baseline: useCopy
      ? 'COPY FROM a CSV blob of the same rows, already parsed, one transaction (PGlite)'
      : 'one multi-row INSERT per table of the same rows, already parsed, one transaction (no COPY FROM STDIN client)',
    unit: 'rows/s',
    appValue: appRate,
    baselineValue: baselineRate,
    ratio: ratioOf(appRate, baselineRate),
    target: 'none set (report)',
    meetsTarget: null,
    detail: {
      rows: totalRows,
      dryRunMs: Math.round(dryRunMs),
      commitMs: Math.round(appMs - dryRunMs),
      baselineMs: Math.round(baselineMs),
    },
  };
}

import { createHash, type Hash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/client.ts';
import { rows as queryRows } from '../../platform/db/transaction.ts';

export type Row = Record<string, unknown>;

/** Rows per INSERT: big enough to amortise the round trip, small enough to keep memory flat. */
const STATEMENT_ROWS = 5000;

/**
 * Set-based bulk loading through the same schema the app uses. Rows are buffered per table
 * and written, in foreign-key order, by one `INSERT … SELECT FROM json_to_recordset($1)`
 * per few thousand rows: one parameter however many columns, the same on PGlite and
 * node-postgres, and every constraint and foreign key is still checked by the database.
 *
 * Tables that do not exist (a feature not merged yet) are skipped, and a generated field
 * the table has no column for is dropped, so the generator keeps working while the schema
 * grows. Every row written also feeds a running SHA-256, the run's checksum.
 */
export class BulkLoader {
  private readonly columns = new Map<string, Map<string, string>>();
  private readonly buffers = new Map<string, Row[]>();
  readonly counts = new Map<string, number>();
  private readonly hash: Hash = createHash('sha256');

  constructor(
    private readonly tx: Tx,
    private readonly onWritten: (rows: number) => void = () => {},
  ) {}

  /** Reads the column types of every table once, so inserts can name them. */
  async prepare(): Promise<void> {
    const found = await queryRows<{ table_name: string; column_name: string; type: string }>(
      this.tx,
      sql`select c.relname as table_name, a.attname as column_name, format_type(a.atttypid, a.atttypmod) as type
          from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped`,
    );
    for (const { table_name, column_name, type } of found) {
      const table = this.columns.get(table_name) ?? new Map<string, string>();
      table.set(column_name, type);
      this.columns.set(table_name, table);
    }
  }

  has(table: string): boolean {
    return this.columns.has(table);
  }

  hasColumn(table: string, column: string): boolean {
    return this.columns.get(table)?.has(column) ?? false;
  }

  add(table: string, row: Row): void {
    if (!this.columns.has(table)) return;
    const buffer = this.buffers.get(table);
    if (buffer) buffer.push(row);
    else this.buffers.set(table, [row]);
  }

  /** Writes everything buffered, parents before children (the order given). */
  async flush(order: readonly string[]): Promise<void> {
    for (const table of order) {
      const buffer = this.buffers.get(table);
      if (!buffer?.length) continue;
      this.buffers.set(table, []);
      for (let start = 0; start < buffer.length; start += STATEMENT_ROWS) {
        await this.insert(table, buffer.slice(start, start + STATEMENT_ROWS));
      }
    }
    const left = [...this.buffers].filter(([, rows]) => rows.length > 0).map(([name]) => name);
    if (left.length) throw new Error(`rows for ${left.join(', ')} were not in the flush order`);
  }

  /** The checksum of every row written so far, in the order written. */
  checksum(): string {
    return this.hash.copy().digest('hex').slice(0, 16);
  }

  private async insert(table: string, rows: Row[]): Promise<void> {
    const types = this.columns.get(table)!;
    const names = Object.keys(rows[0]!).filter((name) => types.has(name));
    const json = JSON.stringify(rows, (_key, value) => (value === undefined ? null : value));
    this.hash.update(table).update(json);
    const list = sql.join(
      names.map((name) => sql.identifier(name)),
      sql`, `,
    );
    const shape = sql.raw(names.map((name) => `"${name}" ${types.get(name)}`).join(', '));
    await this.tx.execute(
      sql`insert into ${sql.identifier(table)} (${list}) select ${list} from json_to_recordset(${json}::json) as x(${shape})`,
    );
    this.counts.set(table, (this.counts.get(table) ?? 0) + rows.length);
    this.onWritten(rows.length);
  }
}

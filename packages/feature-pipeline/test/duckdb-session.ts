import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

/** A row of a query result: bigints as numbers, dates and timestamps as ISO strings. */
export type Row = Record<string, string | number | boolean | null>;

/** One in-memory DuckDB database for a test file. */
export interface DuckDbSession {
  run(sql: string): Promise<void>;
  /** Runs a query and returns plain rows (DATE columns as `YYYY-MM-DD`, TIMESTAMPs as ISO strings). */
  query(sql: string): Promise<Row[]>;
  close(): void;
}

/** Opens an in-memory DuckDB (UTC session, 2 threads: the machine is shared). */
export async function openDuckDbSession(): Promise<DuckDbSession> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection: DuckDBConnection = await instance.connect();
  await connection.run("SET TimeZone = 'UTC'");
  return {
    run: async (sql) => {
      await connection.run(sql);
    },
    query: async (sql) => {
      const reader = await connection.runAndReadAll(sql);
      const types = reader.columnTypes().map((type) => type.toString());
      const names = reader.columnNames();
      return (reader.getRowObjectsJS() as Record<string, unknown>[]).map((row) =>
        Object.fromEntries(
          names.map((name, i) => {
            const value = row[name];
            if (typeof value === 'bigint') return [name, Number(value)];
            if (value instanceof Date)
              return [name, types[i] === 'DATE' ? value.toISOString().slice(0, 10) : value.toISOString()];
            return [name, value as Row[string]];
          }),
        ),
      );
    },
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** A hand-made event of the test shop (see {@link createShopEvents}). */
export interface ShopEvent {
  customer: number | null;
  /** `YYYY-MM-DD HH:MM:SS`, no time zone. */
  ts: string;
  invoice: string;
  sku: string;
  qty: number;
  price: number;
  country: string | null;
}

const literal = (value: string | number | null): string =>
  value === null ? 'NULL' : typeof value === 'number' ? String(value) : `'${value.replaceAll("'", "''")}'`;

/** Creates (or replaces) table `name` with the shop events' columns and types. */
export async function createShopEvents(
  session: DuckDbSession,
  name: string,
  events: ShopEvent[],
): Promise<void> {
  const columns =
    'customer INTEGER, ts TIMESTAMP, invoice VARCHAR, sku VARCHAR, qty INTEGER, price DOUBLE, country VARCHAR';
  await session.run(`CREATE OR REPLACE TABLE ${name} (${columns})`);
  if (events.length === 0) return;
  const rows = events.map(
    (e) =>
      `(${literal(e.customer)}, TIMESTAMP ${literal(e.ts)}, ${literal(e.invoice)}, ${literal(e.sku)}, ${e.qty}, ${e.price}, ${literal(e.country)})`,
  );
  await session.run(`INSERT INTO ${name} VALUES ${rows.join(', ')}`);
}

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendData, createTable, listSnapshots, openWarehouse, type Warehouse } from '@fti/feature-store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidDefinitionError } from '../errors.js';
import { extract } from './extract.js';
import type { ExtractContext } from './extract-context.js';
import { SourceNotFoundError, SourceSchemaError } from './extract-errors.js';
import { parseExtractSource } from './parse-extract-source.js';

let dir: string;
let warehouse: Warehouse;
let ctx: ExtractContext;
let clock = Date.UTC(2011, 8, 1);

const CSV_GOOD = [
  'invoice,customer_id,invoice_date,amount,country',
  '536365,17850,01/12/2010 08:26,15.30,United Kingdom',
  '536366,17850,01/12/2010 08:28,"1022.0",United Kingdom',
  '536367,13047,01/12/2010 08:34,54.08,"France"',
].join('\n');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fti-extract-'));
  warehouse = await openWarehouse({
    location: { kind: 'local', path: join(dir, 'warehouse') },
    scratchDir: join(dir, 'scratch'),
    duckDb: { threads: 2 },
    // Commits one minute apart from 2011-09-01T00:00Z, so `asOf` picks snapshots deterministically.
    now: () => {
      clock += 60_000;
      return clock;
    },
  });
  ctx = { warehouse, cacheDir: join(dir, 'cache'), baseDir: dir };
  await mkdir(join(dir, 'events', '2011', '09'), { recursive: true });
  await mkdir(join(dir, 'events', '2011', '10'), { recursive: true });
  const write = (file: string, rows: string) =>
    warehouse.db.run(
      `COPY (SELECT customer_id, ts, CAST(amount AS DOUBLE) AS amount FROM (VALUES ${rows}) AS t(customer_id, ts, amount)) TO '${join(dir, file)}' (FORMAT parquet)`,
    );
  await write(
    'events/2011/09/a.parquet',
    "(1, TIMESTAMP '2011-09-01 10:00:00', 2.5), (2, TIMESTAMP '2011-09-02 11:00:00', 4.0)",
  );
  await write('events/2011/10/b.parquet', "(1, TIMESTAMP '2011-10-05 09:30:00', 10.25)");
  await write('events/other.parquet', "(9, TIMESTAMP '2011-01-01 00:00:00', 99.0)");
  await writeFile(join(dir, 'sales.csv'), CSV_GOOD);
});

afterAll(async () => {
  await warehouse.close();
  await rm(dir, { recursive: true, force: true });
});

describe('extract: parquet', () => {
  it('reads a glob of local files into a view with the files’ exact rows', async () => {
    const source = parseExtractSource({ kind: 'parquet', name: 'events', path: 'events/20*/**/*.parquet' });
    const out = await extract(source, ctx);
    expect(out.relation).toBe('"events"');
    expect(out.rowCount).toBe(3);
    expect(out.lineage).toEqual({
      kind: 'parquet',
      uris: [join(dir, 'events/2011/09/a.parquet'), join(dir, 'events/2011/10/b.parquet')],
    });
    const rows = await warehouse.db.query(`SELECT customer_id, ts, amount FROM ${out.relation} ORDER BY ts`);
    expect(rows).toEqual([
      { customer_id: 1, ts: new Date('2011-09-01T10:00:00Z'), amount: 2.5 },
      { customer_id: 2, ts: new Date('2011-09-02T11:00:00Z'), amount: 4 },
      { customer_id: 1, ts: new Date('2011-10-05T09:30:00Z'), amount: 10.25 },
    ]);
  });

  it('projects declared columns and names a column a file lacks', async () => {
    const one = await extract(
      parseExtractSource({
        kind: 'parquet',
        name: 'amounts',
        path: 'events/other.parquet',
        columns: ['amount'],
      }),
      ctx,
    );
    expect(await warehouse.db.query(`SELECT * FROM ${one.relation}`)).toEqual([{ amount: 99 }]);
    const error = await extract(
      parseExtractSource({
        kind: 'parquet',
        name: 'bad',
        path: 'events/**/*.parquet',
        columns: ['amount', 'quantity'],
      }),
      ctx,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceSchemaError);
    expect((error as SourceSchemaError).column).toBe('quantity');
    expect((error as SourceSchemaError).message).toBe(
      `source \`bad\`, file ${join(dir, 'events/2011/09/a.parquet')}: column \`quantity\` is missing (columns: customer_id, ts, amount); fix the file or the source's \`columns\``,
    );
  });

  it('fails with SourceNotFoundError when a glob matches nothing', async () => {
    const error = await extract(
      parseExtractSource({ kind: 'parquet', name: 'none', path: 'events/**/*.csv' }),
      ctx,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceNotFoundError);
    expect((error as Error).message).toBe(
      'source `none`: no file matches `events/**/*.csv`; check the path (and the bucket/prefix for s3://)',
    );
  });
});

describe('extract: csv', () => {
  it('reads declared columns with their types and a timestamp format, ignoring undeclared columns', async () => {
    const source = parseExtractSource({
      kind: 'csv',
      name: 'sales',
      path: 'sales.csv',
      columns: { invoice: 'string', customer_id: 'long', invoice_date: 'timestamp', amount: 'double' },
      timestampFormat: '%d/%m/%Y %H:%M',
    });
    const out = await extract(source, ctx);
    expect(out.rowCount).toBe(3);
    expect(out.rejects).toEqual({ lines: 0, errors: 0, sample: [] });
    expect(await warehouse.db.query(`SELECT * FROM ${out.relation} ORDER BY invoice`)).toEqual([
      {
        invoice: '536365',
        customer_id: 17850n,
        invoice_date: new Date('2010-12-01T08:26:00Z'),
        amount: 15.3,
      },
      {
        invoice: '536366',
        customer_id: 17850n,
        invoice_date: new Date('2010-12-01T08:28:00Z'),
        amount: 1022,
      },
      {
        invoice: '536367',
        customer_id: 13047n,
        invoice_date: new Date('2010-12-01T08:34:00Z'),
        amount: 54.08,
      },
    ]);
  });

  it('counts and samples malformed lines with line numbers instead of dropping them silently', async () => {
    await writeFile(
      join(dir, 'bad.csv'),
      [
        'invoice,customer_id,invoice_date,amount', // line 1
        '1,17850,01/12/2010 08:26,15.30', // 2 good
        '2,17850,2010-12-01T08:28,3.00', // 3 timestamp in another format
        '3,abc,01/12/2010 09:00,1.00', // 4 customer_id not a number
        '4,13047,01/12/2010 10:00', // 5 missing field
        '5,13047,01/12/2010 11:00,2.00,extra', // 6 extra field
        '6,13047,31/02/2010 12:00,x', // 7 impossible date and bad amount: one line, two errors
        '7,12583,02/12/2010 13:00,7.50', // 8 good
      ].join('\n'),
    );
    const source = parseExtractSource({
      kind: 'csv',
      name: 'bad_sales',
      path: 'bad.csv',
      columns: { invoice: 'long', customer_id: 'long', invoice_date: 'timestamp', amount: 'double' },
      timestampFormat: '%d/%m/%Y %H:%M',
      rejectSampleSize: 3,
    });
    const out = await extract(source, ctx);
    expect(out.rowCount).toBe(2);
    expect(await warehouse.db.query(`SELECT invoice FROM ${out.relation} ORDER BY 1`)).toEqual([
      { invoice: 1n },
      { invoice: 7n },
    ]);
    expect(out.rejects?.lines).toBe(5);
    expect(out.rejects?.errors).toBe(6);
    expect(out.rejects?.sample.map((r) => [r.line, r.column, r.errorType])).toEqual([
      [3, 'invoice_date', 'CAST'],
      [4, 'customer_id', 'CAST'],
      [5, 'amount', 'MISSING COLUMNS'],
    ]);
    expect(out.rejects?.sample[0]).toMatchObject({
      file: join(dir, 'bad.csv'),
      csvLine: '2,17850,2010-12-01T08:28,3.00',
    });
    expect(out.rejects?.sample[0]?.message).toMatch(/invoice_date/);
    // Every good line + every rejected line = every data line: nothing vanished.
    expect(out.rowCount + (out.rejects?.lines ?? 0)).toBe(7);
  });

  it('names the file and the column when the header lacks a declared column', async () => {
    await writeFile(join(dir, 'no_amount.csv'), 'invoice,customer_id\n1,2\n');
    const error = await extract(
      parseExtractSource({
        kind: 'csv',
        name: 'x',
        path: 'no_amount.csv',
        columns: { invoice: 'long', amount: 'double' },
      }),
      ctx,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceSchemaError);
    expect((error as SourceSchemaError).message).toBe(
      `source \`x\`, file ${join(dir, 'no_amount.csv')}: the header has no column \`amount\` (header: invoice, customer_id); fix the file or the source's \`columns\``,
    );
  });

  it('reads a glob of CSV files that share a header and rejects a file whose header differs', async () => {
    await mkdir(join(dir, 'parts'), { recursive: true });
    await writeFile(join(dir, 'parts', 'p1.csv'), 'id,v\n1,0.5\n2,1.5\n');
    await writeFile(join(dir, 'parts', 'p2.csv'), 'id,v\n3,2.5\n');
    const source = parseExtractSource({
      kind: 'csv',
      name: 'parts',
      path: 'parts/p*.csv',
      columns: { id: 'int', v: 'double' },
    });
    const out = await extract(source, ctx);
    expect(await warehouse.db.query(`SELECT sum(v) AS s, count(*) AS n FROM ${out.relation}`)).toEqual([
      { s: 4.5, n: 3n },
    ]);
    await writeFile(join(dir, 'parts', 'p3.csv'), 'v,id\n3.5,4\n');
    const error = await extract(source, ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceSchemaError);
    expect((error as SourceSchemaError).file).toBe(join(dir, 'parts', 'p3.csv'));
  });
});

describe('extract: table and sql', () => {
  it('reads a feature-store table at a pinned snapshot and records that snapshot id', async () => {
    let table = await createTable(warehouse, {
      namespace: 'retail',
      name: 'customers',
      columns: [
        { name: 'customer_id', type: 'long', required: true },
        { name: 'country', type: 'string' },
      ],
    });
    table = await appendData(table, { kind: 'rows', rows: [{ customer_id: 1n, country: 'France' }] });
    table = await appendData(table, { kind: 'rows', rows: [{ customer_id: 2n, country: 'Spain' }] });
    const [first, second] = await listSnapshots(table);
    const pinned = await extract(
      parseExtractSource({
        kind: 'table',
        name: 'customers_v1',
        namespace: 'retail',
        table: 'customers',
        snapshotId: String(first?.snapshotId),
      }),
      ctx,
    );
    expect(pinned.lineage).toEqual({
      kind: 'table',
      table: 'retail.customers',
      snapshotId: first?.snapshotId,
    });
    expect(await warehouse.db.query(`SELECT * FROM ${pinned.relation}`)).toEqual([
      { customer_id: 1n, country: 'France' },
    ]);
    const current = await extract(
      parseExtractSource({
        kind: 'table',
        name: 'customers_now',
        namespace: 'retail',
        table: 'customers',
        columns: ['country'],
      }),
      ctx,
    );
    expect(current.lineage).toMatchObject({ snapshotId: second?.snapshotId });
    expect(current.rowCount).toBe(2);
    const asOf = new Date((first?.timestampMs ?? 0) + 1).toISOString();
    const dated = await extract(
      parseExtractSource({
        kind: 'table',
        name: 'customers_then',
        namespace: 'retail',
        table: 'customers',
        asOf,
      }),
      ctx,
    );
    expect(dated.lineage).toMatchObject({ snapshotId: first?.snapshotId });
    expect(dated.rowCount).toBe(1);
    expect(await warehouse.db.query(`SELECT country FROM ${current.relation} ORDER BY 1`)).toEqual([
      { country: 'France' },
      { country: 'Spain' },
    ]);
  });

  it('runs SQL over earlier sources on the embedded DuckDB', async () => {
    await extract(
      parseExtractSource({ kind: 'parquet', name: 'events', path: 'events/20*/**/*.parquet' }),
      ctx,
    );
    const out = await extract(
      parseExtractSource({
        kind: 'sql',
        name: 'spend',
        sql: 'SELECT customer_id, sum(amount) AS spend FROM events GROUP BY 1',
      }),
      ctx,
    );
    expect(out.lineage).toEqual({
      kind: 'sql',
      sql: 'SELECT customer_id, sum(amount) AS spend FROM events GROUP BY 1',
    });
    expect(await warehouse.db.query(`SELECT * FROM ${out.relation} ORDER BY 1`)).toEqual([
      { customer_id: 1, spend: 12.75 },
      { customer_id: 2, spend: 4 },
    ]);
  });
});

describe('parseExtractSource', () => {
  it('names the source and field of bad config', () => {
    expect(() =>
      parseExtractSource({ kind: 'csv', name: 'sales', path: 'x.csv', columns: { a: 'float' } }),
    ).toThrow(InvalidDefinitionError);
    expect(() =>
      parseExtractSource({ kind: 'csv', name: 'sales', path: 'x.csv', columns: { a: 'float' } }),
    ).toThrow(
      /^definition `source sales` at columns\.a: unknown column type "float"; use one of int, long, double, string, boolean, date, timestamp$/,
    );
    expect(() =>
      parseExtractSource({ kind: 'table', name: 't', namespace: 'n', table: 't', snapshotId: '1', asOf: 5 }),
    ).toThrow(/give `snapshotId` or `asOf`, not both/);
    expect(() => parseExtractSource({ kind: 'kafka', name: 't' })).toThrow(/definition `source t` at kind/);
  });
});

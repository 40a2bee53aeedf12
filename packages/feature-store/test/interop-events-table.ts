import * as arrow from 'apache-arrow';
import {
  addColumns,
  appendData,
  createTable,
  overwritePartitions,
  type Table,
  type TableEnv,
} from '../src/index.js';

/** One committed state of the events table: the snapshot and the metadata file that made it current. */
export interface EventsVersion {
  label: 'jan-feb' | 'mar' | 'feb-overwritten' | 'score-added' | 'mar-with-score';
  snapshotId: bigint | undefined;
  /** File name of the metadata JSON (`v<N>.metadata.json`). */
  metadataFile: string;
}

const values = (rows: string[]) =>
  `SELECT * FROM (VALUES ${rows.join(', ')}) AS t(customer_id, event_date, event_ts, amount, category)`;

/**
 * Writes `interop.events` (long, date, timestamp, double, string; months(event_date)) through five commits:
 * append Jan+Feb (+ one row in 1969-12, month -1), append Mar, overwrite Feb, add the `score` column, append
 * Mar rows with scores. Values include nulls, 64-bit extremes, subnormal doubles and non-ASCII strings.
 */
export async function writeEventsTable(env: TableEnv): Promise<{ table: Table; versions: EventsVersion[] }> {
  let table = await createTable(env, {
    namespace: 'interop',
    name: 'events',
    columns: [
      { name: 'customer_id', type: 'long', required: true },
      { name: 'event_date', type: 'date', required: true },
      { name: 'event_ts', type: 'timestamp' },
      { name: 'amount', type: 'double' },
      { name: 'category', type: 'string' },
    ],
    partition: [{ column: 'event_date', transform: 'month' }],
  });
  const versions: EventsVersion[] = [];
  const record = (label: EventsVersion['label']) =>
    versions.push({
      label,
      snapshotId: table.loaded.metadata.currentSnapshotId,
      metadataFile: table.loaded.metadataLocation.split('/').pop() as string,
    });

  table = await appendData(table, {
    kind: 'sql',
    sql: values([
      `(1::BIGINT, DATE '2024-01-05', TIMESTAMP '2024-01-05 10:00:00.123', 12.5::DOUBLE, 'books')`,
      `(9223372036854775807::BIGINT, DATE '2024-01-31', TIMESTAMP '2024-01-31 23:59:59.999', 1e308::DOUBLE, 'ünïcødé 🐇')`,
      `((-9223372036854775807 - 1)::BIGINT, DATE '2024-01-01', NULL, NULL, NULL)`,
      `(2::BIGINT, DATE '2024-02-29', TIMESTAMP '2024-02-29 12:00:00', 5e-324::DOUBLE, '')`,
      `(3::BIGINT, DATE '2024-02-01', TIMESTAMP '1970-01-01 00:00:00', -7.25::DOUBLE, 'toys')`,
      `(4::BIGINT, DATE '1969-12-31', TIMESTAMP '1969-12-31 23:59:59', 0.1::DOUBLE, 'before epoch')`,
    ]),
  });
  record('jan-feb');
  table = await appendData(table, {
    kind: 'sql',
    sql: values([
      `(5::BIGINT, DATE '2024-03-10', TIMESTAMP '2024-03-10 08:30:00', 99.99::DOUBLE, 'books')`,
      `(6::BIGINT, DATE '2024-03-11', NULL, 3.0::DOUBLE, NULL)`,
    ]),
  });
  record('mar');
  table = await overwritePartitions(table, {
    kind: 'sql',
    sql: values([
      `(2::BIGINT, DATE '2024-02-29', TIMESTAMP '2024-02-29 12:00:00', 6.5::DOUBLE, 'garden')`,
      `(7::BIGINT, DATE '2024-02-14', TIMESTAMP '2024-02-14 14:14:14', 14.0::DOUBLE, 'flowers')`,
      `(8::BIGINT, DATE '2024-02-15', NULL, NULL, 'flowers')`,
    ]),
  });
  record('feb-overwritten');
  table = await addColumns(table, [{ name: 'score', type: 'double' }]);
  record('score-added');
  table = await appendData(table, {
    kind: 'sql',
    sql: `SELECT * FROM (VALUES
      (9::BIGINT, DATE '2024-03-20', TIMESTAMP '2024-03-20 20:20:20', 20.0::DOUBLE, 'books', 0.75::DOUBLE),
      (10::BIGINT, DATE '2024-03-21', NULL, 21.0::DOUBLE, 'toys', NULL)
    ) AS t(customer_id, event_date, event_ts, amount, category, score)`,
  });
  record('mar-with-score');
  return { table, versions };
}

type Row = Record<string, unknown>;

/**
 * Rows as comparable JSON values, sorted: bigints as decimal strings, dates as `YYYY-MM-DD`, timestamps as ISO
 * (ms), missing as null. `dateColumns`/`timestampColumns` say which numbers (Arrow epoch ms) are temporal.
 */
export function comparableRows(
  rows: Row[],
  columns: string[],
  temporal: { dates: string[]; timestamps: string[] },
): Row[] {
  const convert = (column: string, v: unknown): unknown => {
    if (v === undefined || v === null) return null;
    if (typeof v === 'bigint') return v.toString();
    const ms = v instanceof Date ? v.getTime() : typeof v === 'number' ? v : undefined;
    if (ms !== undefined && temporal.dates.includes(column)) return new Date(ms).toISOString().slice(0, 10);
    if (ms !== undefined && temporal.timestamps.includes(column)) return new Date(ms).toISOString();
    return v;
  };
  return rows
    .map((row) => Object.fromEntries(columns.map((c) => [c, convert(c, row[c])])))
    .sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
}

/** An Arrow table's rows as {@link comparableRows}, temporal columns found from the Arrow types. */
export function comparableArrowRows(table: arrow.Table): Row[] {
  const dates = table.schema.fields.filter((f) => arrow.DataType.isDate(f.type)).map((f) => f.name);
  const timestamps = table.schema.fields.filter((f) => arrow.DataType.isTimestamp(f.type)).map((f) => f.name);
  return comparableRows(
    table.toArray().map((r) => r.toJSON() as Row),
    table.schema.fields.map((f) => f.name),
    { dates, timestamps },
  );
}

import { icebergRead } from 'icebird';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readTable, type Table } from '../src/index.js';
import { useTempWarehouse } from '../src/testing/temp-warehouse.js';
import {
  comparableArrowRows,
  comparableRows,
  type EventsVersion,
  writeEventsTable,
} from './interop-events-table.js';
import { fileFetch } from './interop-file-fetch.js';

// icebird (hyparquet + its own Avro reader) is an independent Iceberg implementation: what it reads from the
// files we wrote must equal what we read, snapshot by snapshot.

let table: Table;
let versions: EventsVersion[];

const warehouse = useTempWarehouse('fti-interop-icebird-', { now: () => 1_717_200_000_000 });

beforeAll(async () => {
  ({ table, versions } = await writeEventsTable(warehouse.env));
  vi.stubGlobal('fetch', fileFetch);
});

afterAll(async () => {
  vi.unstubAllGlobals();
});

const temporal = { dates: ['event_date'], timestamps: ['event_ts'] };
const BASE = ['customer_id', 'event_date', 'event_ts', 'amount', 'category'];

function version(label: EventsVersion['label']): EventsVersion {
  const found = versions.find((v) => v.label === label);
  if (!found) throw new Error(`no version ${label}`);
  return found;
}

async function readWithIcebird(metadataFile: string, columns: string[]) {
  const rows = await icebergRead({
    tableUrl: table.loaded.metadata.location,
    metadataFileName: metadataFile,
  });
  return comparableRows(rows, columns, temporal);
}

/** `customer_id event_date` of each row, sorted: a compact pin of which rows a snapshot holds. */
const keys = (rows: Record<string, unknown>[]) => rows.map((r) => `${r.customer_id} ${r.event_date}`).sort();

describe('icebird reads the tables we write', () => {
  it('current snapshot: equal rows, every type, nulls and the added column', async () => {
    const ours = comparableArrowRows(await readTable(table));
    expect(ours).toEqual(await readWithIcebird(version('mar-with-score').metadataFile, [...BASE, 'score']));
    expect(keys(ours)).toEqual(
      [
        '-9223372036854775808 2024-01-01',
        '1 2024-01-05',
        '9223372036854775807 2024-01-31',
        '2 2024-02-29',
        '7 2024-02-14',
        '8 2024-02-15',
        '4 1969-12-31',
        '5 2024-03-10',
        '6 2024-03-11',
        '9 2024-03-20',
        '10 2024-03-21',
      ].sort(),
    );
    expect(ours.find((r) => r.customer_id === '9223372036854775807')).toEqual({
      customer_id: '9223372036854775807',
      event_date: '2024-01-31',
      event_ts: '2024-01-31T23:59:59.999Z',
      amount: 1e308,
      category: 'ünïcødé 🐇',
      score: null,
    });
    expect(ours.filter((r) => r.score !== null).map((r) => [r.customer_id, r.score])).toEqual([['9', 0.75]]);
  });

  it('time travel: icebird on each older metadata file equals our read of that snapshot id', async () => {
    for (const label of ['jan-feb', 'mar', 'feb-overwritten'] as const) {
      const v = version(label);
      const ours = comparableArrowRows(await readTable(table, { snapshotId: v.snapshotId as bigint }));
      expect(ours, label).toEqual(await readWithIcebird(v.metadataFile, BASE));
    }
    const first = comparableArrowRows(await readTable(table, { snapshotId: version('jan-feb').snapshotId }));
    expect(first.find((r) => r.customer_id === '2')).toEqual({
      customer_id: '2',
      event_date: '2024-02-29',
      event_ts: '2024-02-29T12:00:00.000Z',
      amount: 5e-324,
      category: '',
    });
    expect(keys(first)).toHaveLength(6);
  });

  it('after the schema change alone, icebird reads the same snapshot with score null for every row', async () => {
    const v = version('score-added');
    expect(v.snapshotId).toBe(version('feb-overwritten').snapshotId);
    const theirs = await readWithIcebird(v.metadataFile, [...BASE, 'score']);
    const ours = comparableArrowRows(await readTable(table, { snapshotId: v.snapshotId as bigint }));
    expect(theirs).toEqual(ours.map((r) => ({ ...r, score: null })));
  });
});

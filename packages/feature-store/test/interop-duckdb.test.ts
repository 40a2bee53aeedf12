import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { listSnapshots, planRead, quoteLiteral, type Table } from '../src/index.js';
import { useTempWarehouse } from '../src/testing/temp-warehouse.js';
import { writeEventsTable } from './interop-events-table.js';
import { pythonAvroUnavailable, readAvroWithPython } from './python-avro.js';

// DuckDB's own Parquet reader checks the data files we write: field ids, repetition, types, codec, counts.
// Manifests are read with Debian's python3-avro, so the partition check shares no code with our reader.

let table: Table;
let dataFiles: string[];

const FIELD_IDS = { customer_id: 1, event_date: 2, event_ts: 3, amount: 4, category: 5, score: 6 };

const warehouse = useTempWarehouse('fti-interop-duckdb-');

beforeAll(async () => {
  ({ table } = await writeEventsTable(warehouse.env));
  const listed = await warehouse.env.files.store.list('interop/events/data/');
  dataFiles = listed.map((o) => join(warehouse.dir, 'wh', o.key));
});

const list = (paths: string[]) => `[${paths.map((p) => quoteLiteral(p)).join(', ')}]`;

describe('DuckDB reads the Parquet files we write', () => {
  it('every column of every data file carries its Iceberg field id and Iceberg type', async () => {
    // One file per partition and commit: 1969-12, 2024-01, 2024-02; then 2024-03; 2024-02 again; 2024-03 again.
    expect(dataFiles).toHaveLength(6);
    let withScore = 0;
    for (const file of dataFiles) {
      const columns = await warehouse.env.db.query(
        `SELECT name, field_id, type, converted_type, logical_type FROM parquet_schema(${quoteLiteral(file)}) WHERE num_children IS NULL OR num_children = 0`,
      );
      const ids = Object.fromEntries(columns.map((c) => [c.name, Number(c.field_id)]));
      const expected = Object.fromEntries(
        Object.entries(FIELD_IDS).filter(([name]) => name !== 'score' || 'score' in ids),
      );
      expect(ids, file).toEqual(expected);
      if ('score' in ids) withScore++;
      const by = (name: string) => columns.find((c) => c.name === name) as Record<string, unknown>;
      expect(by('event_date').type).toBe('INT32');
      expect(by('event_date').converted_type).toBe('DATE');
      expect(by('event_ts').type).toBe('INT64');
      expect(String(by('event_ts').logical_type)).toMatch(/MICROS=MicroSeconds\(\)/);
      expect(String(by('event_ts').logical_type)).toMatch(/isAdjustedToUTC=0/);
    }
    expect(withScore).toBe(1);
  });

  // DuckDB 1.5 writes every column OPTIONAL, NOT NULL or not (duckdb/duckdb#22144, #23051), so required
  // columns are checked by their statistics: no null in any row group of any file.
  it('required columns hold no null in any row group', async () => {
    const rows = await warehouse.env.db.query(
      `SELECT path_in_schema AS col, sum(stats_null_count) AS nulls, count(*) AS chunks
       FROM parquet_metadata(${list(dataFiles)}) GROUP BY ALL ORDER BY col`,
    );
    const nulls = Object.fromEntries(rows.map((r) => [r.col, Number(r.nulls)]));
    expect(nulls).toEqual({ amount: 2, category: 2, customer_id: 0, event_date: 0, event_ts: 4, score: 1 });
  });

  it('every column chunk is zstd-compressed', async () => {
    const rows = await warehouse.env.db.query(
      `SELECT DISTINCT compression FROM parquet_metadata(${list(dataFiles)}) ORDER BY ALL`,
    );
    expect(rows.map((r) => r.compression)).toEqual(['ZSTD']);
  });

  it("read_parquet of each snapshot's files counts the snapshot's total-records", async () => {
    const totals: [string, number][] = [];
    for (const snapshot of listSnapshots(table)) {
      const plan = await planRead(table, { snapshotId: snapshot.snapshotId });
      const [row] = await warehouse.env.db.query(
        `SELECT count(*) AS n FROM read_parquet(${list(plan.tasks.map((t) => t.localPath))}, union_by_name = true)`,
      );
      totals.push([snapshot.summary['total-records'] as string, Number(row?.n)]);
    }
    expect(totals).toEqual([
      ['6', 6],
      ['8', 8],
      ['9', 9],
      ['11', 11],
    ]);
  });

  it('partition values in the manifests (python3-avro) equal month(event_date) of the rows in each file', async (ctx) => {
    const reason = pythonAvroUnavailable();
    if (reason) {
      console.log(`skipping: ${reason}`);
      ctx.skip();
    }
    const snapshot = table.loaded.metadata.snapshots.find(
      (s) => s.snapshotId === table.loaded.metadata.currentSnapshotId,
    );
    const manifestList = readAvroWithPython(fileURLToPath(snapshot?.manifestList as string));
    const checked: [number, number][] = [];
    for (const manifest of manifestList.records as { manifest_path: string }[]) {
      const entries = readAvroWithPython(fileURLToPath(manifest.manifest_path)).records as {
        status: string;
        data_file: { file_path: string; partition: { event_date_month: string } };
      }[];
      for (const entry of entries) {
        if (entry.status === '2') continue;
        const [row] = await warehouse.env.db.query(
          `SELECT min((year(event_date) - 1970) * 12 + month(event_date) - 1) AS lo,
                  max((year(event_date) - 1970) * 12 + month(event_date) - 1) AS hi
           FROM read_parquet(${quoteLiteral(fileURLToPath(entry.data_file.file_path))})`,
        );
        expect(Number(row?.lo)).toBe(Number(row?.hi));
        checked.push([Number(entry.data_file.partition.event_date_month), Number(row?.lo)]);
      }
    }
    // 1969-12 is month -1; 2024-01..03 are 648..650. Live files: -1, 648, 649 (overwrite), 650 twice.
    expect(checked.map(([manifest]) => manifest).sort((a, b) => a - b)).toEqual([-1, 648, 649, 650, 650]);
    for (const [manifest, rows] of checked) expect(manifest).toBe(rows);
  });
});

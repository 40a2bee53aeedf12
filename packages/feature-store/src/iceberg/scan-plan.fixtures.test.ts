import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { fixturePath, readFixture, readFixtureText } from '../../test/iceberg-fixtures.js';
import { InvalidInputError } from '../errors.js';
import type { Filter } from './filter.js';
import { planScan, type ScanPlan } from './scan-plan.js';
import { parseTableMetadata } from './table-metadata.js';

async function load(table: string, file: string) {
  const path = `hyperparam-iceberg/${table}/metadata/${file}`;
  return parseTableMetadata(await readFixtureText(path), path);
}

/** `name rows [delete:content:rows ...]` per task: the files a reader must open. */
function describeTasks(plan: ScanPlan): string[] {
  return plan.tasks
    .map((t) =>
      [
        t.dataFile.filePath.split('/').pop(),
        t.dataFile.recordCount,
        ...t.deletes.map(
          (d) => `${d.file.filePath.split('/').pop()}:${d.file.content}:${d.file.recordCount}`,
        ),
      ].join(' '),
    )
    .sort();
}

// Row counts pinned from the Parquet files themselves (DuckDB read_parquet count(*)).
describe('planScan on real tables', () => {
  it('athena/example: one data file of 2 rows', async () => {
    const metadata = await load('athena/example', '00001-aaf0d033-d06b-43c7-be60-67f83abd4aca.metadata.json');
    const plan = await planScan({ metadata, readFile: readFixture });
    expect(describeTasks(plan)).toEqual([
      '20250401_023623_00108_u4nkm-ee75816e-a3dd-4356-97b3-1c6d0128a41f.parquet 2',
    ]);
    expect(plan.tasks[0]?.dataSequenceNumber).toBe(1);
    expect(plan.stats).toEqual({ manifestsTotal: 1, manifestsSkipped: 0, filesTotal: 1, filesSkipped: 0 });
  });

  it('spark/bunnies: a position delete applies to the old file, not to the rewritten one', async () => {
    const metadata = await load('spark/bunnies', 'v5.metadata.json');
    const [first, second, third] = metadata.snapshots;
    const plans = await Promise.all(
      [first, second, third].map((s) =>
        planScan({ metadata, snapshotId: s?.snapshotId, readFile: readFixture }),
      ),
    );
    expect(plans.map(describeTasks)).toEqual([
      ['00000-1-9acc37f2-90ae-42f5-915c-a21c3cb99690-00001.parquet 21'],
      [
        '00000-1-9acc37f2-90ae-42f5-915c-a21c3cb99690-00001.parquet 21 00000-3-6fdcdaeb-591f-4ae0-a39a-75c7fba53907-00001-deletes.parquet:1:1',
      ],
      ['00000-1-6cd7611f-0ceb-4cf3-8b8e-8c856356df3e-00001.parquet 20'],
    ]);
    expect(plans[2]?.tasks[0]?.dataSequenceNumber).toBe(3);
    expect(plans[1]?.tasks[0]?.deletes[0]?.sequenceNumber).toBe(2);
    // the current snapshot is the third
    expect(describeTasks(await planScan({ metadata, readFile: readFixture }))).toEqual(
      describeTasks(plans[2] as ScanPlan),
    );
  });

  it('java/bunnies: position deletes (seq 2) and an equality delete (seq 3) on the initial file only', async () => {
    const metadata = await load('java/bunnies', 'v5.metadata.json');
    const plan = await planScan({ metadata, readFile: readFixture });
    expect(describeTasks(plan)).toEqual([
      'bunnies-initial.parquet 21 bunnies-pos-deletes.parquet:1:6 bunnies-eq-delete-new-zealand.parquet:2:1',
      'bunnies-updated-new-zealand.parquet 1',
    ]);
    const eq = plan.tasks.flatMap((t) => t.deletes).find((d) => d.file.content === 2);
    expect(eq?.sequenceNumber).toBe(3);
    expect(eq?.file.equalityIds).toEqual([1]);
    expect(plan.schema.fields.map((f) => f.name)).toContain('__happy__');
    const old = await planScan({ metadata, snapshotId: 4951213507629824583n, readFile: readFixture });
    expect(old.schema.schemaId).toBe(0);
    expect(describeTasks(old)).toEqual(['bunnies-initial.parquet 21']);
  });

  it('spark/rename_column: three files, bucket[4](id) + identity(date) partitions', async () => {
    const metadata = await load('spark/rename_column', 'v3.metadata.json');
    const plan = await planScan({ metadata, readFile: readFixture });
    expect(describeTasks(plan)).toEqual([
      '00000-20-b65939d1-96e1-4d30-a733-aa5264a479aa-00001.parquet 2',
      '00000-20-b65939d1-96e1-4d30-a733-aa5264a479aa-00002.parquet 1',
      '00000-20-b65939d1-96e1-4d30-a733-aa5264a479aa-00003.parquet 1',
    ]);
    expect(plan.tasks.map((t) => t.dataFile.partition)).toEqual([
      { id_bucket: 3, date: null },
      { id_bucket: 2, date: 18994 },
      { id_bucket: 0, date: 18993 },
    ]);
  });

  it('record counts in the manifests equal the Parquet files row counts (DuckDB read_parquet)', async () => {
    const db = await DuckDBInstance.create(':memory:');
    const connection = await db.connect();
    try {
      const tables: [string, string][] = [
        ['athena/example', '00001-aaf0d033-d06b-43c7-be60-67f83abd4aca.metadata.json'],
        ['spark/bunnies', 'v5.metadata.json'],
        ['java/bunnies', 'v5.metadata.json'],
        ['spark/rename_column', 'v3.metadata.json'],
      ];
      const counts: string[] = [];
      for (const [table, file] of tables) {
        const metadata = await load(table, file);
        for (const snapshot of metadata.snapshots) {
          const plan = await planScan({ metadata, snapshotId: snapshot.snapshotId, readFile: readFixture });
          for (const f of plan.tasks.flatMap((t) => [t.dataFile, ...t.deletes.map((d) => d.file)])) {
            const result = await connection.runAndReadAll(
              `SELECT count(*) FROM read_parquet('${fixturePath(f.filePath).replace(/'/g, "''")}')`,
            );
            counts.push(`${f.filePath.split('/').pop()} ${f.recordCount} ${result.getRows()[0]?.[0]}`);
          }
        }
      }
      for (const line of counts) {
        const [, manifest, parquet] = line.split(' ');
        expect(`${line.split(' ')[0]} ${manifest}`).toBe(`${line.split(' ')[0]} ${parquet}`);
      }
      // every Parquet file of the fixtures (11) is a data or delete file of some snapshot
      expect(new Set(counts).size).toBe(11);
    } finally {
      connection.closeSync();
    }
  });

  it('data file record counts sum to each snapshot total-records', async () => {
    const tables: [string, string][] = [
      ['athena/example', '00001-aaf0d033-d06b-43c7-be60-67f83abd4aca.metadata.json'],
      ['spark/bunnies', 'v5.metadata.json'],
      ['java/bunnies', 'v5.metadata.json'],
      ['spark/rename_column', 'v3.metadata.json'],
    ];
    for (const [table, file] of tables) {
      const metadata = await load(table, file);
      for (const snapshot of metadata.snapshots) {
        const plan = await planScan({ metadata, snapshotId: snapshot.snapshotId, readFile: readFixture });
        const rows = plan.tasks.reduce((sum, t) => sum + t.dataFile.recordCount, 0);
        expect(`${table}@${snapshot.snapshotId} ${rows}`).toBe(
          `${table}@${snapshot.snapshotId} ${snapshot.summary['total-records']}`,
        );
      }
    }
  });
});

describe('planScan pruning on spark/rename_column (names in the current schema)', () => {
  const files = async (filter: Filter) => {
    const metadata = await load('spark/rename_column', 'v3.metadata.json');
    const plan = await planScan({ metadata, filter, readFile: readFixture });
    return plan.tasks.map((t) => /-(\d+)\.parquet$/.exec(t.dataFile.filePath)?.[1]).sort();
  };

  it('prunes by identity partition on the renamed column, including nulls', async () => {
    expect(await files({ column: 'event_date', op: '=', value: new Date('2022-01-01T00:00:00Z') })).toEqual([
      '00001',
    ]);
    expect(await files({ column: 'event_date', op: '>', value: '2022-01-01' })).toEqual(['00003']);
    expect(await files({ column: 'event_date', op: 'isNull' })).toEqual(['00002']);
    expect(await files({ not: { column: 'event_date', op: 'isNull' } })).toEqual(['00001', '00003']);
  });

  it('prunes by bucket on equality and by column bounds', async () => {
    expect(await files({ column: 'id', op: '=', value: 4 })).toEqual(['00003']);
    expect(await files({ column: 'id', op: 'in', values: [1, 3] })).toEqual(['00001', '00002']);
    expect(await files({ column: 'name', op: '=', value: 'Thumper' })).toEqual(['00003']);
    expect(await files({ column: 'price', op: '<', value: 0 })).toEqual(['00001']);
    expect(
      await files({
        or: [
          { column: 'id', op: '>=', value: 4 },
          { column: 'active', op: '=', value: true },
        ],
      }),
    ).toEqual(['00001', '00002', '00003']);
    expect(
      await files({
        and: [
          { column: 'id', op: '<', value: 3 },
          { column: 'event_date', op: 'notNull' },
        ],
      }),
    ).toEqual(['00001']);
  });

  it('rejects a filter on a column that is not in the schema, naming it', async () => {
    await expect(files({ column: 'date', op: 'isNull' })).rejects.toThrow(InvalidInputError);
    await expect(files({ column: 'nope', op: 'isNull' })).rejects.toThrow(
      /filter column `nope` is not in the table/,
    );
  });
});

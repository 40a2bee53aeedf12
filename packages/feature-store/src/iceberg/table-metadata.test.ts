import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ICEBERG_FIXTURES, readFixtureText } from '../../test/iceberg-fixtures.js';
import { CorruptTableError, UnsupportedTableError } from '../errors.js';
import { newTableMetadata } from './new-table-metadata.js';
import { parseTableMetadata, serializeTableMetadata } from './table-metadata.js';
import type { TableMetadata } from './types.js';

const TABLES = ['athena/example', 'spark/bunnies', 'java/bunnies', 'spark/rename_column'];

function metadataFiles(table: string): string[] {
  const dir = `hyperparam-iceberg/${table}/metadata`;
  return readdirSync(`${ICEBERG_FIXTURES}${dir}`)
    .filter((f) => f.endsWith('.metadata.json'))
    .map((f) => `${dir}/${f}`);
}

function baseMetadata(): TableMetadata {
  return newTableMetadata({
    location: 'file:///tmp/warehouse/db/t/',
    schema: {
      schemaId: 0,
      fields: [
        { id: 1, name: 'customer_id', required: true, type: 'long' },
        { id: 2, name: 'feature_date', required: true, type: 'date' },
      ],
    },
    spec: {
      specId: 0,
      fields: [{ sourceId: 2, fieldId: 1000, name: 'feature_date_month', transform: 'month' }],
    },
    properties: { owner: 'fti' },
    tableUuid: '00000000-0000-4000-8000-000000000001',
    nowMs: 1_700_000_000_000,
  });
}

describe('parseTableMetadata on real tables', () => {
  it('reads every fixture metadata file (15 files) with exact 63-bit snapshot ids', async () => {
    const files = TABLES.flatMap(metadataFiles);
    expect(files).toHaveLength(15);
    for (const file of files) {
      const metadata = parseTableMetadata(await readFixtureText(file), file);
      expect(metadata.formatVersion).toBe(2);
      for (const snapshot of metadata.snapshots) expect(snapshot.snapshotId > 0n).toBe(true);
    }
    const java = parseTableMetadata(
      await readFixtureText('hyperparam-iceberg/java/bunnies/metadata/v5.metadata.json'),
      'v5',
    );
    expect(java.currentSnapshotId).toBe(9158179788527662767n);
    expect(java.snapshots.map((s) => s.snapshotId)).toEqual([
      4951213507629824583n,
      6458828015811002920n,
      9158179788527662767n,
    ]);
    expect(java.snapshots[2]?.parentSnapshotId).toBe(6458828015811002920n);
    expect(java.snapshots.map((s) => s.summary.operation)).toEqual(['append', 'delete', 'overwrite']);
    expect(java.refs.main).toEqual({ snapshotId: 9158179788527662767n, type: 'branch' });
    expect(java.lastColumnId).toBe(9);
    expect(java.schemas.map((s) => s.fields.length)).toEqual([8, 9]);
    expect(java.metadataLog).toHaveLength(4);
  });

  it('reads the partition spec and decimal type of spark/rename_column', async () => {
    const file = 'hyperparam-iceberg/spark/rename_column/metadata/v3.metadata.json';
    const metadata = parseTableMetadata(await readFixtureText(file), file);
    expect(metadata.partitionSpecs[0]?.fields).toEqual([
      { name: 'id_bucket', transform: 'bucket[4]', sourceId: 1, fieldId: 1000 },
      { name: 'date', transform: 'identity', sourceId: 3, fieldId: 1001 },
    ]);
    expect(metadata.schemas[1]?.fields[2]).toEqual({
      id: 3,
      name: 'event_date',
      required: false,
      type: 'date',
    });
    expect(metadata.schemas[1]?.fields[3]?.type).toBe('decimal(10,2)');
    expect(metadata.lastPartitionId).toBe(1001);
  });

  it('round-trips every fixture through serializeTableMetadata without loss', async () => {
    for (const file of TABLES.flatMap(metadataFiles)) {
      const metadata = parseTableMetadata(await readFixtureText(file), file);
      const again = parseTableMetadata(serializeTableMetadata(metadata), file);
      expect(again).toEqual(metadata);
    }
  });
});

describe('serializeTableMetadata', () => {
  it('writes v2 kebab-case keys, no v1-only keys, and exact 64-bit ids', () => {
    const metadata: TableMetadata = {
      ...baseMetadata(),
      lastSequenceNumber: 1,
      currentSnapshotId: 9007199254740993n,
      refs: { main: { snapshotId: 9007199254740993n, type: 'branch' } },
      snapshots: [
        {
          snapshotId: 9007199254740993n,
          sequenceNumber: 1,
          timestampMs: 1_700_000_000_500,
          manifestList: 'file:///tmp/warehouse/db/t/metadata/snap-1.avro',
          schemaId: 0,
          summary: { operation: 'append', 'added-records': '3', 'total-records': '3' },
        },
      ],
      snapshotLog: [{ snapshotId: 9007199254740993n, timestampMs: 1_700_000_000_500 }],
      metadataLog: [{ metadataFile: 'file:///tmp/warehouse/db/t/metadata/v1.metadata.json', timestampMs: 1 }],
    };
    const text = serializeTableMetadata(metadata);
    const json = JSON.parse(text);
    expect(Object.keys(json)).not.toContain('schema');
    expect(Object.keys(json)).not.toContain('partition-spec');
    expect(json['format-version']).toBe(2);
    expect(json['last-partition-id']).toBe(1000);
    expect(json.location).toBe('file:///tmp/warehouse/db/t');
    expect(text).toContain('"current-snapshot-id": 9007199254740993');
    expect(text).toContain('"snapshot-id": 9007199254740993');
    expect(json['partition-specs'][0].fields[0]).toEqual({
      name: 'feature_date_month',
      transform: 'month',
      'source-id': 2,
      'field-id': 1000,
    });
    expect(json['sort-orders']).toEqual([{ 'order-id': 0, fields: [] }]);
    expect(json['snapshot-log']).toHaveLength(1);
    expect(json['metadata-log'][0]['metadata-file']).toMatch(/v1\.metadata\.json$/);
    expect(parseTableMetadata(text, 'mem')).toEqual(metadata);
  });

  it('round-trips any snapshot id in [1, 2^63) exactly (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 2n ** 63n - 1n }),
        fc.bigInt({ min: 1n, max: 2n ** 63n - 1n }),
        (a, b) => {
          const metadata: TableMetadata = {
            ...baseMetadata(),
            currentSnapshotId: b,
            refs: { main: { snapshotId: b, type: 'branch' } },
            snapshots: [
              {
                snapshotId: a,
                sequenceNumber: 1,
                timestampMs: 1,
                manifestList: 'file:///a',
                summary: { operation: 'append' },
              },
              {
                snapshotId: b,
                parentSnapshotId: a,
                sequenceNumber: 2,
                timestampMs: 2,
                manifestList: 'file:///b',
                summary: { operation: 'append' },
              },
            ],
            snapshotLog: [
              { snapshotId: a, timestampMs: 1 },
              { snapshotId: b, timestampMs: 2 },
            ],
          };
          expect(parseTableMetadata(serializeTableMetadata(metadata), 'mem')).toEqual(metadata);
        },
      ),
      { numRuns: 200, seed: 42 },
    );
  });

  it('writes a new table with last-partition-id 999 when unpartitioned and no snapshot', () => {
    const metadata = newTableMetadata({
      location: 's3://bucket/t',
      schema: { schemaId: 0, fields: [{ id: 1, name: 'a', required: false, type: 'string' }] },
      spec: { specId: 0, fields: [] },
      tableUuid: 'u',
      nowMs: 5,
    });
    const json = JSON.parse(serializeTableMetadata(metadata));
    expect(json['last-partition-id']).toBe(999);
    expect(json['last-column-id']).toBe(1);
    expect(json['current-snapshot-id']).toBe(-1);
    expect(json.refs).toEqual({});
    expect(parseTableMetadata(serializeTableMetadata(metadata), 'x')).toEqual(metadata);
  });
});

describe('parseTableMetadata errors', () => {
  it('rejects format version 3 with UnsupportedTableError naming the version', () => {
    const text = serializeTableMetadata(baseMetadata()).replace('"format-version": 2', '"format-version": 3');
    expect(() => parseTableMetadata(text, 'v9.metadata.json')).toThrow(UnsupportedTableError);
    expect(() => parseTableMetadata(text, 'v9.metadata.json')).toThrow(/format-version 3.*version 2/);
  });

  it('rejects truncated or malformed JSON with CorruptTableError naming the file', () => {
    const text = serializeTableMetadata(baseMetadata());
    const attempt = (t: string) => () => parseTableMetadata(t, 's3://b/t/metadata/v2.metadata.json');
    expect(attempt(text.slice(0, 100))).toThrow(CorruptTableError);
    expect(attempt(text.slice(0, 100))).toThrow(/v2\.metadata\.json/);
    const noSchemas = JSON.stringify({ ...JSON.parse(text), schemas: undefined });
    expect(attempt(noSchemas)).toThrow(/`schemas` must be an array/);
    try {
      attempt('[]')();
    } catch (error) {
      expect((error as CorruptTableError).file).toBe('s3://b/t/metadata/v2.metadata.json');
    }
  });

  it('reads v1 metadata with v2 defaults', () => {
    const v1 = JSON.stringify({
      'format-version': 1,
      'table-uuid': 'u1',
      location: 's3://b/t',
      'last-updated-ms': 10,
      'last-column-id': 2,
      schema: {
        type: 'struct',
        fields: [
          { id: 1, name: 'a', required: true, type: 'long' },
          { id: 2, name: 'd', required: false, type: 'date' },
        ],
      },
      'partition-spec': [{ name: 'd_day', transform: 'day', 'source-id': 2 }],
      properties: {},
      snapshots: [],
    });
    const metadata = parseTableMetadata(v1, 'v1');
    expect(metadata.lastSequenceNumber).toBe(0);
    expect(metadata.partitionSpecs).toEqual([
      { specId: 0, fields: [{ name: 'd_day', transform: 'day', sourceId: 2, fieldId: 1000 }] },
    ]);
    expect(metadata.lastPartitionId).toBe(1000);
    expect(metadata.currentSnapshotId).toBeUndefined();
  });
});

import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ICEBERG_FIXTURES } from '../../test/iceberg-fixtures.js';
import { pythonAvroUnavailable, readAvroWithPython } from '../../test/python-avro.js';
import { CorruptTableError } from '../errors.js';
import { readAvroFile } from './avro-file.js';
import { encodeBound } from './bounds.js';
import { describeManifest } from './describe-manifest.js';
import { readManifest, writeManifest } from './manifest.js';
import { createPartitionSpec } from './partition.js';
import { createSchema } from './schema.js';
import type { ManifestEntry } from './types.js';

const schema = createSchema([
  { name: 'customer_id', type: 'long', required: true },
  { name: 'feature_date', type: 'date', required: true },
  { name: 'amount', type: 'double' },
  { name: 'country', type: 'string' },
]);
const spec = createPartitionSpec([{ column: 'feature_date', transform: 'month' }], schema);
const SNAPSHOT = 9158179788527662767n;

function entry(path: string, month: number | null, rows: number, status: 0 | 1 | 2 = 1): ManifestEntry {
  return {
    status,
    snapshotId: status === 1 ? null : SNAPSHOT,
    sequenceNumber: status === 1 ? null : 3,
    fileSequenceNumber: status === 1 ? null : 3,
    dataFile: {
      content: 0,
      filePath: path,
      fileFormat: 'PARQUET',
      partition: { feature_date_month: month },
      recordCount: rows,
      fileSizeInBytes: 1234 + rows,
      columnSizes: new Map([
        [1, 100],
        [2, 40],
      ]),
      valueCounts: new Map([
        [1, rows],
        [2, rows],
        [3, rows],
        [4, rows],
      ]),
      nullValueCounts: new Map([
        [1, 0],
        [2, 0],
        [3, 1],
        [4, 0],
      ]),
      nanValueCounts: new Map([[3, 0]]),
      lowerBounds: new Map([
        [1, encodeBound('long', 7n)],
        [2, encodeBound('date', 15220)],
        [4, encodeBound('string', 'France')],
      ]),
      upperBounds: new Map([
        [1, encodeBound('long', 2n ** 62n)],
        [2, encodeBound('date', 15240)],
        [4, encodeBound('string', 'United Kingdom')],
      ]),
      splitOffsets: [4],
      sortOrderId: 0,
    },
  };
}

const tmp = mkdtempSync(join(tmpdir(), 'fti-manifest-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('writeManifest / readManifest', () => {
  const entries = [entry('s3://b/t/data/a.parquet', 500, 10), entry('s3://b/t/data/b.parquet', null, 3, 0)];
  const bytes = writeManifest({ schema, spec, entries });

  it('round-trips entries, partition tuples, stats maps and 64-bit ids', () => {
    const read = readManifest(bytes, 'mem.avro');
    expect(read.entries).toEqual(entries);
    expect(read.specId).toBe(0);
    expect(read.content).toBe('data');
    expect(JSON.parse(read.schemaJson ?? '{}').fields).toHaveLength(4);
  });

  it('writes the six v2 header keys, deflate, and field ids in the header schema', () => {
    const avro = readAvroFile(bytes);
    expect(avro.metadata).toEqual({
      schema: expect.stringContaining('"schema-id":0'),
      'schema-id': '0',
      'partition-spec': '[{"name":"feature_date_month","transform":"month","source-id":2,"field-id":1000}]',
      'partition-spec-id': '0',
      'format-version': '2',
      content: 'data',
    });
    expect(Buffer.from(bytes).includes(Buffer.from('deflate'))).toBe(true);
  });

  it('is deterministic: the same input gives the same bytes', () => {
    expect(Buffer.from(writeManifest({ schema, spec, entries })).equals(Buffer.from(bytes))).toBe(true);
  });

  it('is read identically by python3-avro, with every field id in the schema', (ctx) => {
    const reason = pythonAvroUnavailable();
    if (reason) {
      console.log(`skipping python3-avro check: ${reason}`);
      ctx.skip();
    }
    const file = join(tmp, 'manifest.avro');
    writeFileSync(file, bytes);
    const py = readAvroWithPython(file);
    expect(py.meta['avro.codec']).toBe('deflate');
    expect(py.meta['format-version']).toBe('2');
    expect(py.meta['schema-id']).toBe('0');
    expect(py.meta.content).toBe('data');
    const ids = collectFieldIds(py.schema);
    expect(ids.get('status')).toBe(0);
    expect(ids.get('snapshot_id')).toBe(1);
    expect(ids.get('data_file')).toBe(2);
    expect(ids.get('sequence_number')).toBe(3);
    expect(ids.get('file_sequence_number')).toBe(4);
    expect(ids.get('content')).toBe(134);
    expect(ids.get('file_path')).toBe(100);
    expect(ids.get('partition')).toBe(102);
    expect(ids.get('feature_date_month')).toBe(1000);
    expect(ids.get('record_count')).toBe(103);
    expect(ids.get('file_size_in_bytes')).toBe(104);
    expect(ids.get('lower_bounds')).toBe(125);
    expect(ids.get('upper_bounds')).toBe(128);
    expect(ids.get('nan_value_counts')).toBe(137);
    const [first, second] = py.records as PyEntry[];
    expect(first?.status).toBe('1');
    expect(first?.snapshot_id).toBeNull();
    expect(first?.sequence_number).toBeNull();
    expect(first?.data_file.partition).toEqual({ feature_date_month: '500' });
    expect(first?.data_file.record_count).toBe('10');
    expect(first?.data_file.lower_bounds).toEqual([
      { key: '1', value: '0700000000000000' },
      { key: '2', value: '743b0000' },
      { key: '4', value: Buffer.from('France').toString('hex') },
    ]);
    expect(second?.snapshot_id).toBe(SNAPSHOT.toString());
    expect(second?.data_file.partition).toEqual({ feature_date_month: null });
  });

  it('throws CorruptTableError naming the file for damaged bytes', () => {
    const file = 's3://b/t/metadata/x-m0.avro';
    for (const damaged of [
      bytes.slice(0, bytes.length - 20),
      Uint8Array.from([1, 2, 3]),
      new Uint8Array(0),
    ]) {
      expect(() => readManifest(damaged, file)).toThrow(CorruptTableError);
      expect(() => readManifest(damaged, file)).toThrow(/x-m0\.avro/);
    }
    const flipped = bytes.slice();
    flipped[flipped.length - 30] = (flipped[flipped.length - 30] as number) ^ 0xff;
    expect(() => readManifest(flipped, file)).toThrow(CorruptTableError);
  });

  it('describes the manifest for the manifest list with counts and partition summaries', () => {
    const described = describeManifest({
      manifestPath: 's3://b/t/metadata/m.avro',
      manifestLength: bytes.length,
      schema,
      spec,
      entries: [...entries, entry('s3://b/t/data/c.parquet', 498, 5, 2)],
      snapshotId: 5n,
      sequenceNumber: 4,
    });
    expect(described).toMatchObject({
      manifestLength: bytes.length,
      partitionSpecId: 0,
      content: 0,
      sequenceNumber: 4,
      minSequenceNumber: 3,
      addedSnapshotId: 5n,
      addedFilesCount: 1,
      existingFilesCount: 1,
      deletedFilesCount: 1,
      addedRowsCount: 10,
      existingRowsCount: 3,
      deletedRowsCount: 5,
    });
    expect(described.partitions).toEqual([
      {
        containsNull: true,
        containsNan: false,
        lowerBound: encodeBound('int', 498),
        upperBound: encodeBound('int', 500),
      },
    ]);
  });
});

describe('readManifest on real tables', () => {
  const manifests = ['athena/example', 'spark/bunnies', 'java/bunnies', 'spark/rename_column'].flatMap((t) =>
    readdirSync(join(ICEBERG_FIXTURES, 'hyperparam-iceberg', t, 'metadata'))
      .filter((f) => /-m\d+\.avro$/.test(f))
      .map((f) => join(ICEBERG_FIXTURES, 'hyperparam-iceberg', t, 'metadata', f)),
  );

  it('reads all 10 fixture manifests (12 entries)', async () => {
    expect(manifests).toHaveLength(10);
    let files = 0;
    for (const path of manifests) {
      const read = readManifest(new Uint8Array(await readFile(path)), path);
      files += read.entries.length;
      for (const e of read.entries) expect(e.dataFile.fileFormat).toBe('PARQUET');
    }
    expect(files).toBe(12);
  });

  it('reads bucket and identity(date) partition values of spark/rename_column, including null', async () => {
    const path = join(
      ICEBERG_FIXTURES,
      'hyperparam-iceberg/spark/rename_column/metadata/abf62b15-903b-40b6-9e6b-26bcdceac9b3-m0.avro',
    );
    const read = readManifest(new Uint8Array(await readFile(path)), path);
    expect(read.entries.map((e) => e.dataFile.partition)).toEqual([
      { id_bucket: 3, date: null },
      { id_bucket: 2, date: 18994 },
      { id_bucket: 0, date: 18993 },
    ]);
    expect(read.entries.map((e) => e.dataFile.recordCount)).toEqual([1, 1, 2]);
    expect(read.entries[0]?.snapshotId).toBe(5276958600260276572n);
    expect(read.entries[0]?.sequenceNumber).toBeNull();
    expect(read.entries[2]?.dataFile.upperBounds?.get(4)).toEqual(Uint8Array.from([0x03, 0xe7]));
  });

  it('reads the equality delete of java/bunnies with its equality ids', async () => {
    const dir = join(ICEBERG_FIXTURES, 'hyperparam-iceberg/java/bunnies/metadata');
    const all = await Promise.all(
      readdirSync(dir)
        .filter((f) => /-m\d+\.avro$/.test(f))
        .map(async (f) => readManifest(new Uint8Array(await readFile(join(dir, f))), f)),
    );
    const deletes = all
      .filter((m) => m.content === 'deletes')
      .flatMap((m) => m.entries.map((e) => e.dataFile));
    expect(deletes.map((d) => [d.content, d.recordCount]).sort()).toEqual([
      [1, 6],
      [2, 1],
    ]);
    expect(deletes.find((d) => d.content === 2)?.equalityIds).toEqual([1]);
  });
});

function collectFieldIds(schema: unknown, out = new Map<string, number>()): Map<string, number> {
  if (Array.isArray(schema)) for (const s of schema) collectFieldIds(s, out);
  else if (schema && typeof schema === 'object') {
    const obj = schema as Record<string, unknown>;
    if (typeof obj.name === 'string' && typeof obj['field-id'] === 'number' && !out.has(obj.name)) {
      out.set(obj.name, obj['field-id']);
    }
    for (const value of Object.values(obj)) if (typeof value === 'object') collectFieldIds(value, out);
  }
  return out;
}

interface PyEntry {
  status: string;
  snapshot_id: string | null;
  sequence_number: string | null;
  data_file: { partition: unknown; record_count: string; lower_bounds: unknown };
}

describe('icebird (independent JS reader) reads what we write', () => {
  it('decodes a one-entry manifest and its manifest list with its own Avro reader', async () => {
    const { avroMetadata } = await import('icebird/src/avro/avro.metadata.js');
    const { avroRead } = await import('icebird/src/avro/avro.read.js');
    const read = (bytes: Uint8Array) => {
      const reader = { view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: 0 };
      const { metadata, syncMarker } = avroMetadata(reader as never);
      return avroRead({ reader, metadata, syncMarker } as never) as Record<string, unknown>[];
    };
    const small = writeManifest({
      schema,
      spec,
      // A small block (no stats) is what made icebird's gunzip recurse until the stack overflowed.
      entries: [
        {
          ...entry('x', 500, 3),
          dataFile: {
            content: 0,
            filePath: 'file:///a',
            fileFormat: 'PARQUET',
            partition: { feature_date_month: 500 },
            recordCount: 3,
            fileSizeInBytes: 10,
          },
        },
      ],
    });
    const records = read(small);
    expect(records).toHaveLength(1);
    const dataFile = records[0]?.data_file as {
      file_path: string;
      partition: unknown;
      record_count: unknown;
    };
    expect(dataFile.file_path).toBe('file:///a');
    expect(dataFile.partition).toEqual({ feature_date_month: 500 });
    expect(Number(dataFile.record_count)).toBe(3);
  });
});

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
import { readManifestList, writeManifestList } from './manifest-list.js';
import type { ManifestFile } from './types.js';

const tmp = mkdtempSync(join(tmpdir(), 'fti-manifest-list-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const manifests: ManifestFile[] = [
  {
    manifestPath: 's3://b/t/metadata/new-m0.avro',
    manifestLength: 7506,
    partitionSpecId: 0,
    content: 0,
    sequenceNumber: 2,
    minSequenceNumber: 2,
    addedSnapshotId: 9158179788527662767n,
    addedFilesCount: 2,
    existingFilesCount: 0,
    deletedFilesCount: 0,
    addedRowsCount: 30,
    existingRowsCount: 0,
    deletedRowsCount: 0,
    partitions: [
      {
        containsNull: false,
        containsNan: false,
        lowerBound: encodeBound('int', 498),
        upperBound: encodeBound('int', 500),
      },
    ],
  },
  {
    manifestPath: 's3://b/t/metadata/old-m0.avro',
    manifestLength: 6000,
    partitionSpecId: 0,
    content: 0,
    sequenceNumber: 1,
    minSequenceNumber: 1,
    addedSnapshotId: 1n,
    addedFilesCount: 1,
    existingFilesCount: 0,
    deletedFilesCount: 0,
    addedRowsCount: 4,
    existingRowsCount: 0,
    deletedRowsCount: 0,
    partitions: [{ containsNull: true, containsNan: false }],
  },
];

describe('writeManifestList / readManifestList', () => {
  const bytes = writeManifestList({
    manifests,
    snapshotId: 9158179788527662767n,
    parentSnapshotId: 1n,
    sequenceNumber: 2,
  });

  it('round-trips every field, 64-bit snapshot ids included', () => {
    expect(readManifestList(bytes, 'mem')).toEqual(manifests);
  });

  it('writes the manifest list header keys', () => {
    expect(readAvroFile(bytes).metadata).toEqual({
      'snapshot-id': '9158179788527662767',
      'parent-snapshot-id': '1',
      'sequence-number': '2',
      'format-version': '2',
    });
    const first = writeManifestList({ manifests: [], snapshotId: 3n, sequenceNumber: 1 });
    expect(readAvroFile(first).metadata['parent-snapshot-id']).toBe('null');
    expect(readManifestList(first, 'empty')).toEqual([]);
  });

  it('is read by python3-avro with field ids 500-518 and the same values', (ctx) => {
    const reason = pythonAvroUnavailable();
    if (reason) {
      console.log(`skipping python3-avro check: ${reason}`);
      ctx.skip();
    }
    const file = join(tmp, 'snap.avro');
    writeFileSync(file, bytes);
    const py = readAvroWithPython(file);
    const fields = (py.schema as { fields: { name: string; 'field-id': number }[] }).fields;
    expect(Object.fromEntries(fields.map((f) => [f.name, f['field-id']]))).toEqual({
      manifest_path: 500,
      manifest_length: 501,
      partition_spec_id: 502,
      content: 517,
      sequence_number: 515,
      min_sequence_number: 516,
      added_snapshot_id: 503,
      added_files_count: 504,
      existing_files_count: 505,
      deleted_files_count: 506,
      added_rows_count: 512,
      existing_rows_count: 513,
      deleted_rows_count: 514,
      partitions: 507,
    });
    expect(JSON.stringify(py.schema)).toContain('"element-id":508');
    const [first] = py.records as {
      manifest_length: string;
      added_snapshot_id: string;
      partitions: unknown;
    }[];
    expect(first?.manifest_length).toBe('7506');
    expect(first?.added_snapshot_id).toBe('9158179788527662767');
    expect(first?.partitions).toEqual([
      { contains_null: false, contains_nan: false, lower_bound: 'f2010000', upper_bound: 'f4010000' },
    ]);
    expect(py.meta['avro.codec']).toBe('deflate');
  });

  it('throws CorruptTableError naming the file for damaged bytes', () => {
    expect(() => readManifestList(bytes.slice(0, 50), 's3://b/t/metadata/snap-1.avro')).toThrow(
      CorruptTableError,
    );
    expect(() => readManifestList(bytes.slice(0, 50), 's3://b/t/metadata/snap-1.avro')).toThrow(
      /snap-1\.avro/,
    );
  });
});

describe('readManifestList on real tables', () => {
  it('reads every fixture manifest list with Java field names and 63-bit ids', async () => {
    const lists = ['athena/example', 'spark/bunnies', 'java/bunnies', 'spark/rename_column'].flatMap((t) =>
      readdirSync(join(ICEBERG_FIXTURES, 'hyperparam-iceberg', t, 'metadata'))
        .filter((f) => f.startsWith('snap-'))
        .map((f) => join(ICEBERG_FIXTURES, 'hyperparam-iceberg', t, 'metadata', f)),
    );
    expect(lists).toHaveLength(8);
    for (const path of lists) {
      const read = readManifestList(new Uint8Array(await readFile(path)), path);
      const id = /snap-(\d+)-/.exec(path)?.[1] as string;
      expect(read.some((m) => m.addedSnapshotId === BigInt(id))).toBe(true);
    }
    const rename = readManifestList(
      new Uint8Array(
        await readFile(
          join(
            ICEBERG_FIXTURES,
            'hyperparam-iceberg/spark/rename_column/metadata/snap-5276958600260276572-1-abf62b15-903b-40b6-9e6b-26bcdceac9b3.avro',
          ),
        ),
      ),
      'rename',
    );
    expect(rename).toEqual([
      {
        manifestPath:
          's3a://hyperparam-iceberg/spark/rename_column/metadata/abf62b15-903b-40b6-9e6b-26bcdceac9b3-m0.avro',
        manifestLength: 7506,
        partitionSpecId: 0,
        content: 0,
        sequenceNumber: 1,
        minSequenceNumber: 1,
        addedSnapshotId: 5276958600260276572n,
        addedFilesCount: 3,
        existingFilesCount: 0,
        deletedFilesCount: 0,
        addedRowsCount: 4,
        existingRowsCount: 0,
        deletedRowsCount: 0,
        partitions: [
          {
            containsNull: false,
            containsNan: false,
            lowerBound: encodeBound('int', 0),
            upperBound: encodeBound('int', 3),
          },
          {
            containsNull: true,
            containsNan: false,
            lowerBound: encodeBound('date', 18993),
            upperBound: encodeBound('date', 18994),
          },
        ],
      },
    ]);
  });
});

import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Table } from '../src/index.js';
import { useTempWarehouse } from '../src/testing/temp-warehouse.js';
import { type EventsVersion, writeEventsTable } from './interop-events-table.js';
import { pythonAvroUnavailable, readAvroWithPython } from './python-avro.js';

// src/iceberg tests check writeManifest/writeManifestList output with python3-avro; this suite checks the
// Avro files real commits leave behind (fast appends, the manifest an overwrite rewrites, a schema change)
// with the same independent reader, against the ICEBERG.md checklist.

const unavailable = pythonAvroUnavailable();
let table: Table;
let versions: EventsVersion[];

interface AvroField {
  name: string;
  type: unknown;
  'field-id'?: number;
}

/** Field id → whether the field is required (not a union with null), over a record schema. */
function fieldIds(schema: unknown): Map<number, boolean> {
  const out = new Map<number, boolean>();
  for (const f of (schema as { fields: AvroField[] }).fields) {
    if (f['field-id'] !== undefined)
      out.set(f['field-id'], !(Array.isArray(f.type) && f.type.includes('null')));
  }
  return out;
}

const recordType = (field: AvroField) =>
  (Array.isArray(field.type) ? field.type.find((t) => typeof t === 'object') : field.type) as {
    fields: AvroField[];
  };

describe.skipIf(unavailable !== undefined)('python3-avro reads the manifests our commits write', () => {
  // Inside the skipped describe, so no warehouse is opened when python3-avro is missing.
  const warehouse = useTempWarehouse('fti-interop-avro-');
  beforeAll(async () => {
    ({ table, versions } = await writeEventsTable(warehouse.env));
  });

  it('manifest lists: header keys and required field ids 500-518 on every snapshot', () => {
    const snapshots = table.loaded.metadata.snapshots;
    expect(snapshots).toHaveLength(4);
    const counts: number[] = [];
    for (const snapshot of snapshots) {
      const list = readAvroWithPython(fileURLToPath(snapshot.manifestList));
      expect(list.meta['snapshot-id']).toBe(String(snapshot.snapshotId));
      expect(list.meta['sequence-number']).toBe(String(snapshot.sequenceNumber));
      expect(list.meta['format-version']).toBe('2');
      if (snapshot.parentSnapshotId !== undefined)
        expect(list.meta['parent-snapshot-id']).toBe(String(snapshot.parentSnapshotId));
      const ids = fieldIds(list.schema);
      for (const id of [500, 501, 502, 517, 515, 516, 503, 504, 505, 506, 512, 513, 514])
        expect(ids.get(id), `field ${id}`).toBe(true);
      expect(ids.get(507)).toBe(false);
      counts.push(list.records.length);
    }
    // Fast appends carry the parent's manifests; the overwrite rewrites one and adds one.
    expect(counts).toEqual([1, 2, 3, 4]);
  });

  it('manifests: six header keys, schema-id of the writing schema, inherited vs explicit sequence numbers', () => {
    const current = table.loaded.metadata.snapshots.at(-1);
    const overwrite = versions.find((v) => v.label === 'feb-overwritten')?.snapshotId;
    const list = readAvroWithPython(fileURLToPath(current?.manifestList as string));
    const statuses: string[] = [];
    for (const m of list.records as { manifest_path: string; sequence_number: string }[]) {
      const manifest = readAvroWithPython(fileURLToPath(m.manifest_path));
      expect(
        Object.keys(manifest.meta)
          .filter((k) => !k.startsWith('avro.'))
          .sort(),
      ).toEqual(['content', 'format-version', 'partition-spec', 'partition-spec-id', 'schema', 'schema-id']);
      expect(manifest.meta.content).toBe('data');
      expect(manifest.meta['format-version']).toBe('2');
      expect(JSON.parse(manifest.meta['partition-spec'] as string)).toEqual([
        { name: 'event_date_month', transform: 'month', 'source-id': 2, 'field-id': 1000 },
      ]);
      const schemaId = Number(manifest.meta['schema-id']);
      const schema = JSON.parse(manifest.meta.schema as string) as { 'schema-id': number; fields: unknown[] };
      expect(schema['schema-id']).toBe(schemaId);
      expect(schema.fields).toHaveLength(schemaId === 0 ? 5 : 6);
      const entry = (manifest.schema as { fields: AvroField[] }).fields.find((f) => f.name === 'data_file');
      const dataFileIds = fieldIds(recordType(entry as AvroField));
      for (const id of [134, 100, 101, 102, 103, 104]) expect(dataFileIds.get(id), `field ${id}`).toBe(true);
      for (const id of [108, 109, 110, 137, 125, 128]) expect(dataFileIds.get(id), `field ${id}`).toBe(false);
      for (const e of manifest.records as {
        status: string;
        snapshot_id: string;
        sequence_number: string | null;
        file_sequence_number: string | null;
        data_file: { lower_bounds: { key: string }[] };
      }[]) {
        statuses.push(e.status);
        if (e.status === '1') {
          expect([e.sequence_number, e.file_sequence_number]).toEqual([null, null]);
        } else {
          expect(Number(e.sequence_number)).toBeGreaterThan(0);
          expect(e.file_sequence_number).toBe(e.sequence_number);
        }
        if (e.status === '2') expect(e.snapshot_id).toBe(String(overwrite));
        expect(e.data_file.lower_bounds.map((b) => Number(b.key)).sort()).toEqual(
          schemaId === 0 ? [1, 2, 3, 4, 5] : [1, 2, 3, 4, 5, 6],
        );
      }
    }
    // Live manifests: the first append's, rewritten (Jan and 1969-12 EXISTING, old Feb DELETED); the ADDED
    // Mar file of the second append, Feb file of the overwrite and Mar file of the last append.
    expect(statuses.sort()).toEqual(['0', '0', '1', '1', '1', '2']);
  });
});

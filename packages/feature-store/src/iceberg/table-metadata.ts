import { CorruptTableError, UnsupportedTableError } from '../errors.js';
import { parseJsonBigint } from './parse-json-bigint.js';
import {
  partitionSpecFromJson,
  partitionSpecToJson,
  sortOrderFromJson,
  sortOrderToJson,
} from './partition-spec-json.js';
import { schemaFromJson, schemaToJson } from './schema-json.js';
import { stringifyJsonBigint } from './stringify-json-bigint.js';
import type {
  PartitionSpec,
  Schema,
  Snapshot,
  SnapshotOperation,
  SnapshotRef,
  TableMetadata,
} from './types.js';

type Json = Record<string, unknown>;

/**
 * Reads a table metadata JSON file (spec: Table Metadata). Snapshot ids keep all 63 bits (`bigint`).
 * Reads format v2, and v1 by applying the spec's v2 defaults (Appendix E). `file` names the file in errors.
 * @throws UnsupportedTableError for a format version above 2; CorruptTableError for anything malformed.
 */
export function parseTableMetadata(json: string, file: string): TableMetadata {
  let raw: unknown;
  try {
    raw = parseJsonBigint(json);
  } catch (cause) {
    throw new CorruptTableError(
      `table metadata \`${file}\` is not valid JSON; restore it from a backup`,
      file,
      {
        cause,
      },
    );
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new CorruptTableError(`table metadata \`${file}\` is not a JSON object`, file);
  }
  const obj = raw as Json;
  const version = obj['format-version'];
  if (typeof version === 'number' && version > 2) {
    throw new UnsupportedTableError(
      `table metadata \`${file}\` has format-version ${version}; this library reads Iceberg format version 2 (and 1) only`,
    );
  }
  if (version !== 1 && version !== 2) {
    throw new CorruptTableError(
      `table metadata \`${file}\` has no valid format-version (found ${String(version)})`,
      file,
    );
  }
  try {
    return version === 2 ? readV2(obj) : readV1(obj);
  } catch (cause) {
    if (cause instanceof UnsupportedTableError) throw cause;
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new CorruptTableError(`table metadata \`${file}\` is malformed: ${reason}`, file, { cause });
  }
}

/**
 * Writes table metadata as spec v2 JSON: kebab-case keys, ids as exact integers, `current-snapshot-id` and
 * `refs`, and never the v1-only `schema` / `partition-spec` keys.
 */
export function serializeTableMetadata(metadata: TableMetadata): string {
  const json: Json = {
    'format-version': 2,
    'table-uuid': metadata.tableUuid,
    location: metadata.location,
    'last-sequence-number': metadata.lastSequenceNumber,
    'last-updated-ms': metadata.lastUpdatedMs,
    'last-column-id': metadata.lastColumnId,
    'current-schema-id': metadata.currentSchemaId,
    schemas: metadata.schemas.map(schemaToJson),
    'default-spec-id': metadata.defaultSpecId,
    'partition-specs': metadata.partitionSpecs.map(partitionSpecToJson),
    'last-partition-id': metadata.lastPartitionId,
    'default-sort-order-id': metadata.defaultSortOrderId,
    'sort-orders': metadata.sortOrders.map(sortOrderToJson),
    properties: metadata.properties,
    'current-snapshot-id': metadata.currentSnapshotId ?? -1,
    refs: Object.fromEntries(
      Object.entries(metadata.refs).map(([name, ref]) => [
        name,
        { 'snapshot-id': ref.snapshotId, type: ref.type },
      ]),
    ),
    snapshots: metadata.snapshots.map(snapshotToJson),
    'snapshot-log': metadata.snapshotLog.map((e) => ({
      'timestamp-ms': e.timestampMs,
      'snapshot-id': e.snapshotId,
    })),
    'metadata-log': metadata.metadataLog.map((e) => ({
      'timestamp-ms': e.timestampMs,
      'metadata-file': e.metadataFile,
    })),
  };
  return stringifyJsonBigint(json);
}

function snapshotToJson(s: Snapshot): Json {
  const json: Json = { 'sequence-number': s.sequenceNumber, 'snapshot-id': s.snapshotId };
  if (s.parentSnapshotId !== undefined) json['parent-snapshot-id'] = s.parentSnapshotId;
  json['timestamp-ms'] = s.timestampMs;
  json.summary = s.summary;
  json['manifest-list'] = s.manifestList;
  if (s.schemaId !== undefined) json['schema-id'] = s.schemaId;
  return json;
}

function readV2(obj: Json): TableMetadata {
  const schemas = array(obj, 'schemas').map(schemaFromJson);
  const partitionSpecs = array(obj, 'partition-specs').map((s) => partitionSpecFromJson(s));
  return assemble(obj, {
    lastSequenceNumber: int(obj, 'last-sequence-number'),
    schemas,
    currentSchemaId: int(obj, 'current-schema-id'),
    partitionSpecs,
    defaultSpecId: int(obj, 'default-spec-id'),
    lastPartitionId: int(obj, 'last-partition-id'),
    sortOrders: array(obj, 'sort-orders').map(sortOrderFromJson),
    defaultSortOrderId: int(obj, 'default-sort-order-id'),
  });
}

/** v1 → v2 defaults (spec Appendix E): sequence numbers 0, single `schema`/`partition-spec` when lists are absent. */
function readV1(obj: Json): TableMetadata {
  let schemas: Schema[];
  let currentSchemaId: number;
  if (Array.isArray(obj.schemas)) {
    schemas = obj.schemas.map(schemaFromJson);
    currentSchemaId =
      obj['current-schema-id'] === undefined ? (schemas[0]?.schemaId ?? 0) : int(obj, 'current-schema-id');
  } else {
    schemas = [schemaFromJson(obj.schema)];
    currentSchemaId = schemas[0]?.schemaId ?? 0;
  }
  let partitionSpecs: PartitionSpec[];
  let defaultSpecId: number;
  if (Array.isArray(obj['partition-specs'])) {
    partitionSpecs = obj['partition-specs'].map((s) => partitionSpecFromJson(s));
    defaultSpecId = obj['default-spec-id'] === undefined ? 0 : int(obj, 'default-spec-id');
  } else {
    partitionSpecs = [partitionSpecFromJson(obj['partition-spec'] ?? [], 0)];
    defaultSpecId = 0;
  }
  const maxPartitionId = Math.max(999, ...partitionSpecs.flatMap((s) => s.fields.map((f) => f.fieldId)));
  return assemble(obj, {
    lastSequenceNumber: 0,
    schemas,
    currentSchemaId,
    partitionSpecs,
    defaultSpecId,
    lastPartitionId: obj['last-partition-id'] === undefined ? maxPartitionId : int(obj, 'last-partition-id'),
    sortOrders: Array.isArray(obj['sort-orders'])
      ? obj['sort-orders'].map(sortOrderFromJson)
      : [{ orderId: 0, fields: [] }],
    defaultSortOrderId: obj['default-sort-order-id'] === undefined ? 0 : int(obj, 'default-sort-order-id'),
  });
}

type Versioned = Pick<
  TableMetadata,
  | 'lastSequenceNumber'
  | 'schemas'
  | 'currentSchemaId'
  | 'partitionSpecs'
  | 'defaultSpecId'
  | 'lastPartitionId'
  | 'sortOrders'
  | 'defaultSortOrderId'
>;

function assemble(obj: Json, versioned: Versioned): TableMetadata {
  if (!versioned.schemas.some((s) => s.schemaId === versioned.currentSchemaId)) {
    throw new Error(`current-schema-id ${versioned.currentSchemaId} is not in schemas`);
  }
  if (!versioned.partitionSpecs.some((s) => s.specId === versioned.defaultSpecId)) {
    throw new Error(`default-spec-id ${versioned.defaultSpecId} is not in partition-specs`);
  }
  const snapshots = (Array.isArray(obj.snapshots) ? obj.snapshots : []).map(snapshotFromJson);
  const refs: Record<string, SnapshotRef> = {};
  for (const [name, value] of Object.entries(object(obj, 'refs', {}))) {
    const ref = value as Json;
    refs[name] = { snapshotId: id(ref, 'snapshot-id'), type: ref.type === 'tag' ? 'tag' : 'branch' };
  }
  let currentSnapshotId: bigint | undefined =
    obj['current-snapshot-id'] === undefined || obj['current-snapshot-id'] === null
      ? refs.main?.snapshotId
      : id(obj, 'current-snapshot-id');
  if (currentSnapshotId === -1n) currentSnapshotId = undefined;
  if (currentSnapshotId !== undefined && !refs.main)
    refs.main = { snapshotId: currentSnapshotId, type: 'branch' };
  if (currentSnapshotId !== undefined && !snapshots.some((s) => s.snapshotId === currentSnapshotId)) {
    throw new Error(`current-snapshot-id ${currentSnapshotId} is not in snapshots`);
  }
  const properties: Record<string, string> = {};
  for (const [key, value] of Object.entries(object(obj, 'properties', {}))) properties[key] = String(value);
  const metadata: TableMetadata = {
    formatVersion: 2,
    tableUuid: str(obj, 'table-uuid'),
    location: str(obj, 'location').replace(/\/+$/, ''),
    lastUpdatedMs: int(obj, 'last-updated-ms'),
    lastColumnId: int(obj, 'last-column-id'),
    ...versioned,
    properties,
    snapshots,
    refs,
    snapshotLog: (Array.isArray(obj['snapshot-log']) ? obj['snapshot-log'] : []).map((e) => ({
      snapshotId: id(e as Json, 'snapshot-id'),
      timestampMs: int(e as Json, 'timestamp-ms'),
    })),
    metadataLog: (Array.isArray(obj['metadata-log']) ? obj['metadata-log'] : []).map((e) => ({
      metadataFile: str(e as Json, 'metadata-file'),
      timestampMs: int(e as Json, 'timestamp-ms'),
    })),
  };
  if (currentSnapshotId !== undefined) metadata.currentSnapshotId = currentSnapshotId;
  return metadata;
}

const OPERATIONS = new Set<string>(['append', 'replace', 'overwrite', 'delete']);

function snapshotFromJson(value: unknown): Snapshot {
  if (typeof value !== 'object' || value === null) throw new Error('snapshot must be an object');
  const obj = value as Json;
  if (typeof obj['manifest-list'] !== 'string') {
    throw new UnsupportedTableError(
      `snapshot ${String(obj['snapshot-id'])} has no manifest-list (v1 inline manifests are not supported)`,
    );
  }
  const summary: Record<string, string> = {};
  for (const [key, v] of Object.entries(object(obj, 'summary', {}))) summary[key] = String(v);
  const operation = summary.operation ?? 'append';
  if (!OPERATIONS.has(operation)) throw new Error(`snapshot summary operation \`${operation}\` is unknown`);
  const snapshot: Snapshot = {
    snapshotId: id(obj, 'snapshot-id'),
    sequenceNumber: obj['sequence-number'] === undefined ? 0 : int(obj, 'sequence-number'),
    timestampMs: int(obj, 'timestamp-ms'),
    manifestList: obj['manifest-list'],
    summary: { ...summary, operation: operation as SnapshotOperation },
  };
  if (obj['parent-snapshot-id'] !== undefined && obj['parent-snapshot-id'] !== null) {
    snapshot.parentSnapshotId = id(obj, 'parent-snapshot-id');
  }
  if (obj['schema-id'] !== undefined && obj['schema-id'] !== null) snapshot.schemaId = int(obj, 'schema-id');
  return snapshot;
}

function int(obj: Json, key: string): number {
  const value = obj[key];
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new Error(`\`${key}\` must be an integer`);
  return value;
}

/** An id that may exceed 2^53: parseJsonBigint leaves those as digit strings. */
function id(obj: Json, key: string): bigint {
  const value = obj[key];
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return BigInt(value);
  throw new Error(`\`${key}\` must be an integer`);
}

function str(obj: Json, key: string): string {
  const value = obj[key];
  if (typeof value !== 'string') throw new Error(`\`${key}\` must be a string`);
  return value;
}

function array(obj: Json, key: string): unknown[] {
  const value = obj[key];
  if (!Array.isArray(value)) throw new Error(`\`${key}\` must be an array`);
  return value;
}

function object(obj: Json, key: string, fallback: Json): Json {
  const value = obj[key];
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'object' || Array.isArray(value)) throw new Error(`\`${key}\` must be an object`);
  return value as Json;
}

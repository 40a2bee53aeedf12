import { describe, expect, it } from 'vitest';
import { SnapshotNotFoundError } from '../errors.js';
import { newTableMetadata } from './new-table-metadata.js';
import { selectSnapshot } from './select-snapshot.js';
import type { Snapshot, TableMetadata } from './types.js';

const snap = (id: bigint, timestampMs: number, parent?: bigint): Snapshot => ({
  snapshotId: id,
  ...(parent === undefined ? {} : { parentSnapshotId: parent }),
  sequenceNumber: Number(id),
  timestampMs,
  manifestList: `file:///t/metadata/snap-${id}.avro`,
  summary: { operation: 'append' },
});

const empty = newTableMetadata({
  location: 'file:///t',
  schema: { schemaId: 0, fields: [{ id: 1, name: 'a', required: false, type: 'int' }] },
  spec: { specId: 0, fields: [] },
  tableUuid: 'u',
  nowMs: 0,
});
// Snapshot 3 was rolled back: it is not in the main history (snapshot-log) any more.
const metadata: TableMetadata = {
  ...empty,
  snapshots: [snap(1n, 1000), snap(2n, 2000, 1n), snap(3n, 2500, 2n), snap(4n, 3000, 2n)],
  currentSnapshotId: 4n,
  refs: { main: { snapshotId: 4n, type: 'branch' } },
  snapshotLog: [
    { snapshotId: 1n, timestampMs: 1000 },
    { snapshotId: 2n, timestampMs: 2000 },
    { snapshotId: 4n, timestampMs: 3000 },
  ],
};

describe('selectSnapshot', () => {
  it('returns the current snapshot, or undefined for a table without snapshots', () => {
    expect(selectSnapshot(metadata)?.snapshotId).toBe(4n);
    expect(selectSnapshot(empty)).toBeUndefined();
  });

  it('selects by id', () => {
    expect(selectSnapshot(metadata, { snapshotId: 3n })?.timestampMs).toBe(2500);
    expect(() => selectSnapshot(metadata, { snapshotId: 99n })).toThrow(SnapshotNotFoundError);
    expect(() => selectSnapshot(metadata, { snapshotId: 99n })).toThrow(/snapshot 99 does not exist.*4/);
  });

  it('selects as of a time: the latest snapshot-log entry at or before it', () => {
    expect(selectSnapshot(metadata, { asOfTimestampMs: 1000 })?.snapshotId).toBe(1n);
    expect(selectSnapshot(metadata, { asOfTimestampMs: 1999 })?.snapshotId).toBe(1n);
    expect(selectSnapshot(metadata, { asOfTimestampMs: 2700 })?.snapshotId).toBe(2n);
    expect(selectSnapshot(metadata, { asOfTimestampMs: 10_000 })?.snapshotId).toBe(4n);
  });

  it('says when nothing was current at the time asked for', () => {
    expect(() => selectSnapshot(metadata, { asOfTimestampMs: 999 })).toThrow(
      'table file:///t has no snapshot at or before 1970-01-01T00:00:00.999Z; its first snapshot is from 1970-01-01T00:00:01.000Z',
    );
    expect(() => selectSnapshot(empty, { asOfTimestampMs: 5 })).toThrow(/has no snapshots yet/);
    const expired = { ...metadata, snapshots: metadata.snapshots.slice(1) };
    expect(() => selectSnapshot(expired, { asOfTimestampMs: 1500 })).toThrow(/snapshot 1.*has been expired/);
  });
});

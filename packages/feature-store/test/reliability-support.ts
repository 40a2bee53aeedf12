// Shared pieces of the reliability suites: seeded randomness, a shared test clock, and checks over a
// table's snapshot chain and files.
import { expect } from 'vitest';
import { readManifest } from '../src/iceberg/manifest.js';
import { readManifestList } from '../src/iceberg/manifest-list.js';
import type { Snapshot, TableMetadata } from '../src/iceberg/types.js';
import type { Table } from '../src/table/table-env.js';

/** A seeded uniform [0, 1) source (mulberry32): deterministic ids, file names and jitter. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** A clock shared by every writer of a test: starts at 2023-11-14T22:13:20Z and ticks 1 ms per reading. */
export function testClock(start = 1_700_000_000_000): () => number {
  let now = start;
  return () => now++;
}

/** The current snapshot's ancestry, newest first (the current snapshot, its parent, ... the first). */
export function parentChain(metadata: TableMetadata): Snapshot[] {
  const byId = new Map(metadata.snapshots.map((s) => [s.snapshotId, s]));
  const chain: Snapshot[] = [];
  for (let id = metadata.currentSnapshotId; id !== undefined; ) {
    const snapshot = byId.get(id);
    if (!snapshot) throw new Error(`snapshot ${id} is referenced as a parent but missing from the metadata`);
    chain.push(snapshot);
    id = snapshot.parentSnapshotId;
  }
  return chain;
}

/**
 * Asserts the chain of `appends` one-row appends: every snapshot is an append whose parent is the one
 * before, sequence numbers run 1..n strictly increasing along the chain, totals count up by one.
 */
export function expectAppendChain(metadata: TableMetadata, appends: number): void {
  const chain = parentChain(metadata).reverse();
  expect(chain).toHaveLength(appends);
  expect(metadata.snapshots).toHaveLength(appends);
  expect(new Set(chain.map((s) => s.snapshotId)).size).toBe(appends);
  chain.forEach((snapshot, i) => {
    expect(snapshot.sequenceNumber).toBe(i + 1);
    if (i > 0) expect(snapshot.sequenceNumber).toBeGreaterThan(chain[i - 1]!.sequenceNumber);
    expect(snapshot.summary.operation).toBe('append');
    expect(snapshot.summary['added-records']).toBe('1');
    expect(snapshot.summary['total-records']).toBe(String(i + 1));
    expect(snapshot.summary['total-data-files']).toBe(String(i + 1));
  });
  expect(metadata.lastSequenceNumber).toBe(appends);
}

/**
 * Every file the table's metadata references (manifest lists, manifests, data files of every snapshot),
 * as store keys. Reading them proves each one exists.
 */
export async function referencedKeys(table: Table): Promise<Set<string>> {
  const { files } = table.env;
  const keys = new Set<string>([files.keyOf(table.loaded.metadataLocation)]);
  for (const snapshot of table.loaded.metadata.snapshots) {
    keys.add(files.keyOf(snapshot.manifestList));
    for (const manifest of readManifestList(await files.read(snapshot.manifestList), snapshot.manifestList)) {
      if (keys.has(files.keyOf(manifest.manifestPath))) continue;
      keys.add(files.keyOf(manifest.manifestPath));
      const { entries } = readManifest(await files.read(manifest.manifestPath), manifest.manifestPath);
      for (const entry of entries) keys.add(files.keyOf(entry.dataFile.filePath));
    }
  }
  return keys;
}

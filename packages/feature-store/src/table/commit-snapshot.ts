import { CommitConflict, type LoadedTable } from '../catalog/catalog.js';
import { CommitConflictError, UnsupportedTableError } from '../errors.js';
import { describeManifest } from '../iceberg/describe-manifest.js';
import { writeManifest } from '../iceberg/manifest.js';
import { readManifestList, writeManifestList } from '../iceberg/manifest-list.js';
import {
  type DataFile,
  EntryStatus,
  type ManifestEntry,
  type ManifestFile,
  type PartitionSpec,
  type Schema,
  type Snapshot,
  type TableMetadata,
} from '../iceberg/types.js';
import { backoffDelay } from './backoff-delay.js';
import { currentSchema, currentSpec } from './current-schema.js';
import { partitionKey } from './partition-key.js';
import { putFile } from './put-file.js';
import { newSnapshotId, newUuid } from './random-ids.js';
import { rewriteManifest } from './rewrite-manifest.js';
import { snapshotSummary } from './snapshot-summary.js';
import type { Table } from './table-env.js';

/** Which live files of the base an overwrite removes, and extra files it adds in their place. */
export interface Replacement {
  /** True for a live data file of the base snapshot that the change removes. */
  remove: (file: DataFile) => boolean;
  /** Files written for this attempt (e.g. rewritten remainders), already uploaded. Default none. */
  added?: DataFile[];
}

/** A change to commit as one snapshot. Data files must already be uploaded. */
export interface SnapshotChange {
  /** `append` adds files; `overwrite` also removes the live files `replace` selects. */
  operation: 'append' | 'overwrite';
  added: DataFile[];
  /**
   * Decides, against the base each attempt commits on, which files the change replaces. Keys of files it
   * uploads go into `uploaded` (removed if the attempt fails). Default: nothing is replaced.
   */
  replace?: (base: TableMetadata, uploaded: string[]) => Promise<Replacement> | Replacement;
  /** Extra snapshot summary properties (lineage: run id, definition hash, source snapshots). */
  properties?: Record<string, string>;
}

/**
 * Commits a change as a new snapshot with optimistic concurrency: writes the manifest of added files once,
 * then per attempt reloads the table, rebuilds the manifest list (and, for an overwrite, the manifests it
 * rewrites) and swaps the catalog pointer. Lost races back off and retry; after the last attempt, or on
 * any other failure, every file this commit wrote is removed, so a failed commit leaves no trace. A swap
 * that fails without saying whether it took effect (a lost response) is checked by reloading the table: if
 * the snapshot is there the commit succeeded; if the reload fails too, the files are kept (never deleted
 * under a snapshot that may be live) and the error is rethrown.
 * @throws CommitConflictError when every attempt lost its race.
 */
export async function commitSnapshot(table: Table, change: SnapshotChange): Promise<Table> {
  const { env } = table;
  const { catalog, files } = env;
  const schema = currentSchema(table.loaded.metadata);
  const spec = currentSpec(table.loaded.metadata);
  const snapshotId = newSnapshotId(env.random);
  const location = table.loaded.metadata.location;
  const written: string[] = change.added.map((f) => files.keyOf(f.filePath));
  const addedEntries = change.added.map((dataFile) => addedEntry(dataFile, snapshotId));
  let base: LoadedTable = table.loaded;
  // Set when a pointer swap failed without saying whether it took effect and a reload could not tell:
  // the files may be referenced by a committed snapshot, so they must stay (orphans at worst).
  let outcomeUnknown = false;
  try {
    // Inside the try: a failed manifest write must remove the data files uploaded before it.
    const addedManifest =
      addedEntries.length > 0
        ? await putFile(
            table,
            `${location}/metadata/${newUuid(env.random)}-m0.avro`,
            writeManifest({ schema, spec, entries: addedEntries }),
            written,
          )
        : undefined;
    for (let attempt = 1; attempt <= env.retry.attempts; attempt++) {
      if (attempt > 1) {
        await env.sleep(backoffDelay(env.retry, attempt - 1, env.random));
        base = await catalog.loadTable(base.identifier);
        assertSameLayout(base.metadata, schema, spec);
      }
      const attemptFiles: string[] = [];
      try {
        const metadata = await buildMetadata(table, base.metadata, {
          change,
          snapshotId,
          attempt,
          addedManifest,
          addedEntries,
          attemptFiles,
        });
        try {
          return { env, loaded: await catalog.commitTable(base, metadata) };
        } catch (error) {
          if (error instanceof CommitConflict) throw error;
          // Not a lost race but a failure (timeout, lost response): the swap may still have taken effect.
          const outcome = await commitOutcome(table, base, snapshotId);
          if (outcome.committed) return { env, loaded: outcome.committed };
          outcomeUnknown = outcome.unknown;
          throw error;
        }
      } catch (error) {
        if (!outcomeUnknown) await removeQuietly(table, attemptFiles);
        if (!(error instanceof CommitConflict)) throw error;
      }
    }
    throw new CommitConflictError(`${base.identifier.namespace}.${base.identifier.name}`, env.retry.attempts);
  } catch (error) {
    if (!outcomeUnknown) await removeQuietly(table, written);
    throw error;
  }
}

/**
 * After a pointer swap failed with an error other than a lost race, reloads the table to learn whether the
 * snapshot was committed anyway (Iceberg's "commit state unknown"): `committed` when the snapshot is in the
 * reloaded metadata, `unknown` when the reload failed too.
 */
async function commitOutcome(
  table: Table,
  base: LoadedTable,
  snapshotId: bigint,
): Promise<{ committed?: LoadedTable; unknown: boolean }> {
  try {
    const current = await table.env.catalog.loadTable(base.identifier);
    const landed = current.metadata.snapshots.some((s) => s.snapshotId === snapshotId);
    return landed ? { committed: current, unknown: false } : { unknown: false };
  } catch {
    return { unknown: true };
  }
}

interface BuildContext {
  change: SnapshotChange;
  snapshotId: bigint;
  attempt: number;
  addedManifest: { uri: string; length: number } | undefined;
  addedEntries: ManifestEntry[];
  attemptFiles: string[];
}

async function buildMetadata(table: Table, base: TableMetadata, ctx: BuildContext): Promise<TableMetadata> {
  const { env } = table;
  const schema = currentSchema(base);
  const spec = currentSpec(base);
  const sequenceNumber = base.lastSequenceNumber + 1;
  const parent = base.snapshots.find((s) => s.snapshotId === base.currentSnapshotId);
  const parentManifests = parent
    ? readManifestList(await env.files.read(parent.manifestList), parent.manifestList)
    : [];

  const manifests: ManifestFile[] = [];
  if (ctx.addedManifest) {
    manifests.push(
      describeManifest({
        manifestPath: ctx.addedManifest.uri,
        manifestLength: ctx.addedManifest.length,
        schema,
        spec,
        entries: ctx.addedEntries,
        snapshotId: ctx.snapshotId,
        sequenceNumber,
      }),
    );
  }
  const replacement = ctx.change.replace ? await ctx.change.replace(base, ctx.attemptFiles) : undefined;
  const extra = replacement?.added ?? [];
  if (extra.length > 0) {
    const entries = extra.map((dataFile) => addedEntry(dataFile, ctx.snapshotId));
    const uri = `${base.location}/metadata/${newUuid(env.random)}-m${ctx.attempt}a.avro`;
    const written = await putFile(table, uri, writeManifest({ schema, spec, entries }), ctx.attemptFiles);
    manifests.push(
      describeManifest({
        manifestPath: uri,
        manifestLength: written.length,
        schema,
        spec,
        entries,
        snapshotId: ctx.snapshotId,
        sequenceNumber,
      }),
    );
  }
  const deleted: DataFile[] = [];
  for (const manifest of parentManifests) {
    if (!replacement || manifest.content !== 0) {
      manifests.push(manifest);
      continue;
    }
    const rewritten = await rewriteManifest(table, manifest, {
      remove: replacement.remove,
      schema,
      sequenceNumber,
      snapshotId: ctx.snapshotId,
      attempt: ctx.attempt,
      uploaded: ctx.attemptFiles,
    });
    deleted.push(...rewritten.deleted);
    if (rewritten.manifest) manifests.push(rewritten.manifest);
  }
  const added = [...ctx.change.added, ...extra];
  const changedPartitions = new Set([...added, ...deleted].map((f) => partitionKey(spec, f.partition))).size;

  const listUri = `${base.location}/metadata/snap-${ctx.snapshotId}-${ctx.attempt}-${newUuid(env.random)}.avro`;
  const listBytes = writeManifestList({
    manifests,
    snapshotId: ctx.snapshotId,
    parentSnapshotId: parent?.snapshotId,
    sequenceNumber,
  });
  await putFile(table, listUri, listBytes, ctx.attemptFiles);

  const timestampMs = Math.max(env.now(), base.lastUpdatedMs);
  const snapshot: Snapshot = {
    snapshotId: ctx.snapshotId,
    ...(parent ? { parentSnapshotId: parent.snapshotId } : {}),
    sequenceNumber,
    timestampMs,
    manifestList: listUri,
    schemaId: schema.schemaId,
    summary: {
      operation: ctx.change.operation === 'overwrite' && deleted.length > 0 ? 'overwrite' : 'append',
      ...(ctx.change.properties ?? {}),
      ...snapshotSummary(parent, { added, deleted, changedPartitions }),
    },
  };
  return {
    ...base,
    lastSequenceNumber: sequenceNumber,
    lastUpdatedMs: timestampMs,
    currentSnapshotId: ctx.snapshotId,
    snapshots: [...base.snapshots, snapshot],
    refs: { ...base.refs, main: { snapshotId: ctx.snapshotId, type: 'branch' } },
    snapshotLog: [...base.snapshotLog, { snapshotId: ctx.snapshotId, timestampMs }],
  };
}

/** A manifest entry for a file this snapshot adds: sequence numbers are inherited (null). */
function addedEntry(dataFile: DataFile, snapshotId: bigint): ManifestEntry {
  return { status: EntryStatus.added, snapshotId, sequenceNumber: null, fileSequenceNumber: null, dataFile };
}

async function removeQuietly(table: Table, keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  try {
    await table.env.files.store.delete(keys);
  } catch {
    // Orphan files are harmless (no snapshot references them) and expiry removes them later.
  }
}

function assertSameLayout(metadata: TableMetadata, schema: Schema, spec: PartitionSpec): void {
  if (metadata.currentSchemaId !== schema.schemaId || metadata.defaultSpecId !== spec.specId) {
    throw new UnsupportedTableError(
      `the table's schema or partition spec changed while committing (schema ${schema.schemaId} → ${metadata.currentSchemaId}); re-run the write, it is safe to repeat`,
    );
  }
}

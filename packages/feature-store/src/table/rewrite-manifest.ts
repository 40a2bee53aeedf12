import { describeManifest } from '../iceberg/describe-manifest.js';
import { readManifest, writeManifest } from '../iceberg/manifest.js';
import {
  type DataFile,
  EntryStatus,
  type ManifestEntry,
  type ManifestFile,
  type Schema,
} from '../iceberg/types.js';
import { putFile } from './put-file.js';
import { newUuid } from './random-ids.js';
import type { Table } from './table-env.js';

/** Options of {@link rewriteManifest}. */
export interface RewriteManifestOptions {
  /** True for a live file the new snapshot removes. */
  remove: (file: DataFile) => boolean;
  schema: Schema;
  /** Sequence number and id of the snapshot being committed. */
  sequenceNumber: number;
  snapshotId: bigint;
  attempt: number;
  /** Keys of files written, for cleanup when the attempt fails. */
  uploaded: string[];
}

/**
 * Rewrites one parent manifest for an overwrite: removed entries become DELETED (by the new snapshot), the
 * others EXISTING with their sequence numbers made explicit. A manifest with nothing removed is kept as it
 * is (no write).
 */
export async function rewriteManifest(
  table: Table,
  manifest: ManifestFile,
  options: RewriteManifestOptions,
): Promise<{ manifest: ManifestFile | undefined; deleted: DataFile[] }> {
  const { files } = table.env;
  const read = readManifest(await files.read(manifest.manifestPath), manifest.manifestPath);
  const live = read.entries.filter((e) => e.status !== EntryStatus.deleted);
  const hit = live.filter((e) => options.remove(e.dataFile));
  if (hit.length === 0) return { manifest, deleted: [] };
  const kept = live.filter((e) => !options.remove(e.dataFile));
  const explicit = (e: ManifestEntry, status: EntryStatus, snapshotId: bigint | null): ManifestEntry => ({
    status,
    snapshotId: snapshotId ?? e.snapshotId ?? manifest.addedSnapshotId,
    sequenceNumber: e.sequenceNumber ?? manifest.sequenceNumber,
    fileSequenceNumber: e.fileSequenceNumber ?? manifest.sequenceNumber,
    dataFile: e.dataFile,
  });
  const entries = [
    ...kept.map((e) => explicit(e, EntryStatus.existing, null)),
    ...hit.map((e) => explicit(e, EntryStatus.deleted, options.snapshotId)),
  ];
  const spec = table.loaded.metadata.partitionSpecs.find((s) => s.specId === manifest.partitionSpecId);
  if (!spec)
    throw new Error(`partition spec ${manifest.partitionSpecId} of ${manifest.manifestPath} is missing`);
  const uri = `${table.loaded.metadata.location}/metadata/${newUuid(table.env.random)}-m${options.attempt}.avro`;
  const written = await putFile(
    table,
    uri,
    writeManifest({ schema: options.schema, spec, entries }),
    options.uploaded,
  );
  return {
    deleted: hit.map((e) => e.dataFile),
    manifest: describeManifest({
      manifestPath: uri,
      manifestLength: written.length,
      schema: options.schema,
      spec,
      entries,
      snapshotId: options.snapshotId,
      sequenceNumber: options.sequenceNumber,
    }),
  };
}

import { summarizePartitions } from './summarize-partitions.js';
import type { ManifestEntry, ManifestFile, PartitionSpec, Schema } from './types.js';

/** Inputs of {@link describeManifest}. */
export interface DescribeManifestOptions {
  /** Absolute URI the manifest was written to. */
  manifestPath: string;
  /** Exact byte length of the written manifest. */
  manifestLength: number;
  schema: Schema;
  spec: PartitionSpec;
  /** The entries written into it. */
  entries: ManifestEntry[];
  /** The snapshot that adds the manifest. */
  snapshotId: bigint;
  /** That snapshot's sequence number, inherited by entries with a null sequence number. */
  sequenceNumber: number;
}

/**
 * The manifest list record of a manifest just written: file and row counts by entry status, content,
 * min sequence number (inherited numbers count as `sequenceNumber`) and partition summaries.
 */
export function describeManifest(options: DescribeManifestOptions): ManifestFile {
  const { entries } = options;
  const count = (status: number) => entries.filter((e) => e.status === status);
  const rows = (list: ManifestEntry[]) => list.reduce((sum, e) => sum + e.dataFile.recordCount, 0);
  const sequenceNumbers = entries.map((e) => e.sequenceNumber ?? options.sequenceNumber);
  return {
    manifestPath: options.manifestPath,
    manifestLength: options.manifestLength,
    partitionSpecId: options.spec.specId,
    content: entries.some((e) => e.dataFile.content !== 0) ? 1 : 0,
    sequenceNumber: options.sequenceNumber,
    minSequenceNumber: sequenceNumbers.length > 0 ? Math.min(...sequenceNumbers) : options.sequenceNumber,
    addedSnapshotId: options.snapshotId,
    addedFilesCount: count(1).length,
    existingFilesCount: count(0).length,
    deletedFilesCount: count(2).length,
    addedRowsCount: rows(count(1)),
    existingRowsCount: rows(count(0)),
    deletedRowsCount: rows(count(2)),
    // Deleted entries count too: summaries only need to cover every file the manifest names.
    partitions: summarizePartitions(
      options.spec,
      options.schema,
      entries.map((e) => e.dataFile),
    ),
  };
}

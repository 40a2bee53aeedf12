import { CorruptTableError } from '../errors.js';
import type { BoundFilter } from './bind-filter.js';
import { bindFilter } from './bind-filter.js';
import { fileMightMatch } from './file-might-match.js';
import type { Filter } from './filter.js';
import { readManifest } from './manifest.js';
import { readManifestList } from './manifest-list.js';
import { manifestMightMatch } from './manifest-might-match.js';
import { matchDeletes } from './match-deletes.js';
import type { SnapshotSelector } from './select-snapshot.js';
import { selectSnapshot } from './select-snapshot.js';
import type { DataFile, ManifestFile, Schema, Snapshot, TableMetadata } from './types.js';

/** Inputs of {@link planScan}. */
export interface PlanScanOptions extends SnapshotSelector {
  metadata: TableMetadata;
  /**
   * Rows wanted; files that cannot hold one are skipped. Columns are names in the read's schema: the current
   * schema for the current snapshot, the snapshot's own schema when reading by id or as of a time.
   */
  filter?: Filter;
  /** Reads a whole file by absolute URI (manifest lists and manifests). */
  readFile: (uri: string) => Promise<Uint8Array>;
}

/** One data file to read, with the delete files that apply to it. */
export interface ScanTask {
  dataFile: DataFile;
  /** Data sequence number (inherited from the manifest when the entry left it null). */
  dataSequenceNumber: number;
  deletes: { file: DataFile; sequenceNumber: number }[];
}

/** What a read must open, and how much pruning saved. */
export interface ScanPlan {
  /** Undefined for a table without snapshots (then `tasks` is empty). */
  snapshot: Snapshot | undefined;
  /** The read's schema: current for the current snapshot; the snapshot's (else current) when time travelling. */
  schema: Schema;
  tasks: ScanTask[];
  /**
   * Manifests and live data files in the snapshot, and how many of each pruning skipped (data files of a skipped
   * manifest are counted from the manifest list); `filesTotal - filesSkipped === tasks.length`.
   */
  stats: { manifestsTotal: number; manifestsSkipped: number; filesTotal: number; filesSkipped: number };
}

/** A live file of the snapshot with what delete matching needs to know about it. */
export interface LiveFile {
  file: DataFile;
  specId: number;
  sequenceNumber: number;
}

/**
 * Plans a read of one snapshot (current, by id, or as of a time): reads its manifest list and the manifests
 * whose partition summaries might match `filter`, keeps ADDED/EXISTING entries with inherited sequence
 * numbers, skips data files whose partition values or column stats rule the filter out, and attaches the v2
 * delete files that apply to each remaining data file (spec: Scan Planning).
 * @throws InvalidInputError for a filter column not in the snapshot's schema; SnapshotNotFoundError;
 * CorruptTableError naming an unreadable manifest list or manifest.
 */
export async function planScan(options: PlanScanOptions): Promise<ScanPlan> {
  const { metadata } = options;
  const snapshot = selectSnapshot(metadata, options);
  // Like Iceberg engines: the current read sees the current schema (renames, added columns); time travel
  // sees the schema the snapshot was written with.
  const timeTravel = options.snapshotId !== undefined || options.asOfTimestampMs !== undefined;
  const schemaId = timeTravel ? (snapshot?.schemaId ?? metadata.currentSchemaId) : metadata.currentSchemaId;
  const schema = metadata.schemas.find((s) => s.schemaId === schemaId);
  if (!schema)
    throw new CorruptTableError(`schema ${schemaId} is missing from the metadata`, metadata.location);
  const filter = options.filter ? bindFilter(options.filter, schema) : undefined;
  const stats = { manifestsTotal: 0, manifestsSkipped: 0, filesTotal: 0, filesSkipped: 0 };
  if (!snapshot) return { snapshot, schema, tasks: [], stats };

  const manifests = readManifestList(await options.readFile(snapshot.manifestList), snapshot.manifestList);
  stats.manifestsTotal = manifests.length;
  const wanted = manifests.filter(
    (m) => !filter || manifestMightMatch(filter, m, specOf(metadata, m), schema),
  );
  stats.manifestsSkipped = manifests.length - wanted.length;
  const lists = await Promise.all(wanted.map((m) => liveFiles(m, options.readFile)));

  const data: LiveFile[] = [];
  const deletes: LiveFile[] = [];
  for (const live of lists.flat()) (live.file.content === 0 ? data : deletes).push(live);
  // Data files of skipped manifests count as skipped, from the manifest list's live file counts.
  const unread = manifests
    .filter((m) => m.content === 0 && !wanted.includes(m))
    .reduce((n, m) => n + m.addedFilesCount + m.existingFilesCount, 0);
  const kept = data.filter((d) => keep(filter, d, metadata, schema));
  stats.filesTotal = data.length + unread;
  stats.filesSkipped = data.length - kept.length + unread;
  const specs = new Map(metadata.partitionSpecs.map((s) => [s.specId, s]));
  const match = matchDeletes(deletes, specs);
  const tasks = kept.map((d) => ({
    dataFile: d.file,
    dataSequenceNumber: d.sequenceNumber,
    deletes: match(d).map((del) => ({ file: del.file, sequenceNumber: del.sequenceNumber })),
  }));
  return { snapshot, schema, tasks, stats };
}

function keep(
  filter: BoundFilter | undefined,
  d: LiveFile,
  metadata: TableMetadata,
  schema: Schema,
): boolean {
  if (!filter) return true;
  return fileMightMatch(
    filter,
    d.file,
    metadata.partitionSpecs.find((s) => s.specId === d.specId),
    schema,
  );
}

function specOf(metadata: TableMetadata, manifest: ManifestFile) {
  return metadata.partitionSpecs.find((s) => s.specId === manifest.partitionSpecId);
}

/** ADDED and EXISTING entries of a manifest, with sequence numbers inherited from the manifest list entry. */
async function liveFiles(
  manifest: ManifestFile,
  readFile: (uri: string) => Promise<Uint8Array>,
): Promise<LiveFile[]> {
  const read = readManifest(await readFile(manifest.manifestPath), manifest.manifestPath);
  return read.entries
    .filter((e) => e.status !== 2)
    .map((e) => ({
      file: e.dataFile,
      specId: manifest.partitionSpecId,
      // Sequence number inheritance: a null number means "the manifest's", v1 manifests included (0).
      sequenceNumber: e.sequenceNumber ?? manifest.sequenceNumber,
    }));
}

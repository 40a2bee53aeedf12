import { decodeBound } from './bounds.js';
import { compareValues } from './compare-values.js';
import type { LiveFile } from './scan-plan.js';
import type { PartitionSpec, PartitionValues } from './types.js';

/** Field id of `file_path` in position delete files (spec: Position Delete Files). */
const DELETE_FILE_PATH_ID = 2147483546;

/**
 * Indexes delete files and returns a function giving those that apply to a data file (spec: Scan Planning):
 * position deletes of the same spec and partition with data sequence number >= the data file's (narrowed by
 * `referenced_data_file` and the `file_path` bounds); equality deletes with a strictly greater sequence number,
 * of the same spec and partition or of an unpartitioned spec (global).
 */
export function matchDeletes(
  deletes: LiveFile[],
  specs: Map<number, PartitionSpec>,
): (data: LiveFile) => LiveFile[] {
  const byPartition = new Map<string, LiveFile[]>();
  const global: LiveFile[] = [];
  for (const del of deletes) {
    const unpartitioned = (specs.get(del.specId)?.fields.length ?? 0) === 0;
    if (del.file.content === 2 && unpartitioned) global.push(del);
    else {
      const key = partitionKey(del.specId, del.file.partition);
      byPartition.set(key, [...(byPartition.get(key) ?? []), del]);
    }
  }
  return (data) => {
    const candidates = [
      ...(byPartition.get(partitionKey(data.specId, data.file.partition)) ?? []),
      ...global,
    ];
    return candidates.filter((del) =>
      del.file.content === 1
        ? data.sequenceNumber <= del.sequenceNumber && mayReference(del, data.file.filePath)
        : data.sequenceNumber < del.sequenceNumber,
    );
  };
}

function mayReference(del: LiveFile, path: string): boolean {
  if (del.file.referencedDataFile !== undefined) return del.file.referencedDataFile === path;
  const lower = del.file.lowerBounds?.get(DELETE_FILE_PATH_ID);
  const upper = del.file.upperBounds?.get(DELETE_FILE_PATH_ID);
  try {
    if (lower && compareValues(decodeBound('string', lower), path) > 0) return false;
    if (upper && compareValues(decodeBound('string', upper), path) < 0) return false;
  } catch {
    return true;
  }
  return true;
}

function partitionKey(specId: number, partition: PartitionValues): string {
  const values = Object.keys(partition)
    .sort()
    .map((k) => {
      const v = partition[k];
      if (typeof v === 'bigint') return `${k}=n${v}`;
      if (v instanceof Uint8Array) return `${k}=b${Buffer.from(v).toString('hex')}`;
      return `${k}=${JSON.stringify(v)}`;
    });
  return `${specId}|${values.join('|')}`;
}

import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type DataSource, type ParquetCompression, writeDataFiles } from '../engine/write-data-files.js';
import { partitionPath } from '../iceberg/partition-path.js';
import { type DataFile, FileContent } from '../iceberg/types.js';
import { currentSchema, currentSpec } from './current-schema.js';
import { newUuid } from './random-ids.js';
import type { Table } from './table-env.js';

/** Options of {@link stageDataFiles}. */
export interface StageOptions {
  /** Accept NaN in float/double columns. Default false. */
  allowNaN?: boolean;
  /** Split files above this many rows. Default: one file per partition. */
  targetRowsPerFile?: number;
  /** Parquet codec of the data files. Default `'zstd'`. */
  compression?: ParquetCompression;
  /** Dictionary-encode columns (default true); false is cheaper to write for high-cardinality columns. */
  dictionary?: boolean;
}

/**
 * Validates `source` against the table's current schema, writes it as Parquet (one file per partition)
 * and uploads the files under `<location>/data/<partition path>/`. Returns the data files to commit; on
 * failure, uploads made so far are removed. Nothing is committed here.
 */
export async function stageDataFiles(
  table: Table,
  source: DataSource,
  options: StageOptions = {},
): Promise<DataFile[]> {
  const { env } = table;
  const metadata = table.loaded.metadata;
  const schema = currentSchema(metadata);
  const spec = currentSpec(metadata);
  const stagingDir = join(env.stagingDir, newUuid(env.random));
  const uploaded: string[] = [];
  try {
    const { files } = await writeDataFiles({
      db: env.db,
      source,
      schema,
      spec,
      stagingDir,
      ...(options.allowNaN !== undefined ? { allowNaN: options.allowNaN } : {}),
      ...(options.targetRowsPerFile !== undefined ? { targetRowsPerFile: options.targetRowsPerFile } : {}),
      ...(options.compression !== undefined ? { compression: options.compression } : {}),
      ...(options.dictionary !== undefined ? { dictionary: options.dictionary } : {}),
    });
    const dataFiles: DataFile[] = [];
    for (const staged of files) {
      const dir = spec.fields.length > 0 ? `data/${partitionPath(spec, schema, staged.partition)}` : 'data';
      const uri = `${metadata.location}/${dir}/${newUuid(env.random)}.parquet`;
      const key = env.files.keyOf(uri);
      uploaded.push(key);
      await env.files.store.putFile(key, staged.localPath);
      dataFiles.push({
        content: FileContent.data,
        filePath: uri,
        fileFormat: 'PARQUET',
        partition: staged.partition,
        recordCount: staged.recordCount,
        fileSizeInBytes: staged.fileSizeInBytes,
        columnSizes: staged.columnSizes,
        valueCounts: staged.valueCounts,
        nullValueCounts: staged.nullValueCounts,
        nanValueCounts: staged.nanValueCounts,
        lowerBounds: staged.lowerBounds,
        upperBounds: staged.upperBounds,
      });
    }
    return dataFiles;
  } catch (error) {
    if (uploaded.length > 0) await env.files.store.delete(uploaded).catch(() => undefined);
    throw error;
  } finally {
    await rm(stagingDir, { recursive: true, force: true });
  }
}

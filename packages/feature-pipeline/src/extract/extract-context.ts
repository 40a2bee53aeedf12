import type { S3Client } from '@aws-sdk/client-s3';
import type { TableEnv } from '@fti/feature-store';
import type { QueryEngine } from '../engine/query-engine.js';

/** What {@link extract} needs from the outside world. */
export interface ExtractContext {
  /** The warehouse: sources become views or tables in its DuckDB; `table` sources load from its catalog. */
  warehouse: TableEnv;
  /** Local folder that S3 files are downloaded to (DuckDB here reads local files only). */
  cacheDir: string;
  /** Folder relative local paths are resolved against; default the working directory. */
  baseDir?: string;
  /** S3 client for `s3://` paths; required when a source reads from S3. */
  s3?: S3Client;
  /** Engine of `athena` sources (an `AthenaEngine`); required when there is one. */
  athena?: QueryEngine;
  /** Cancels a running Athena query. Default none. */
  signal?: AbortSignal;
}

/** Where a source's rows came from, for the run's lineage. */
export type SourceLineage =
  /** The files read, sorted: absolute local paths or `s3://` URIs. */
  | { kind: 'parquet' | 'csv'; uris: string[] }
  /** The feature-store table and the snapshot read (undefined for a table with no snapshot yet). */
  | { kind: 'table'; table: string; snapshotId: bigint | undefined }
  | { kind: 'sql'; sql: string }
  /** Athena's QueryExecutionId and the Parquet files its UNLOAD wrote. */
  | { kind: 'athena'; queryId: string | undefined; uris: string[] };

/** One rejected CSV value or line, as DuckDB's `store_rejects` reports it. */
export interface CsvReject {
  /** The file (local path or `s3://` URI). */
  file: string;
  /** Line number in the file, 1-based, the header being line 1. */
  line: number;
  /** The column at fault; null for a line with too many fields. */
  column: string | null;
  /** `CAST`, `MISSING COLUMNS`, `TOO MANY COLUMNS`, `UNQUOTED VALUE`, `LINE SIZE OVER MAXIMUM`, `INVALID UNICODE`. */
  errorType: string;
  message: string;
  /** The raw line. */
  csvLine: string;
}

/** Lines of a CSV source that were not loaded: never dropped silently. */
export interface CsvRejects {
  /** Lines rejected (a line with several errors counts once). */
  lines: number;
  /** Errors reported (one per bad value or structural problem). */
  errors: number;
  /** The first errors in file and line order, up to the source's `rejectSampleSize`. */
  sample: CsvReject[];
}

/** A source extracted into the warehouse's DuckDB. */
export interface Extracted {
  /** The source's name. */
  name: string;
  /** A table expression for SQL on the warehouse's DuckDB: the quoted name of the view (or table) created. */
  relation: string;
  /** Rows the relation holds (after CSV rejects). */
  rowCount: number;
  lineage: SourceLineage;
  /** CSV sources only. */
  rejects?: CsvRejects;
}

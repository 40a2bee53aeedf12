import type { S3Client } from '@aws-sdk/client-s3';
import type { TableEnv } from '@fti/feature-store';
import type { QueryEngine } from '../engine/query-engine.js';

/** A stage of a run, in order. */
export type PipelineStage = 'extract' | 'check-input' | 'transform' | 'validate' | 'load' | 'done';

/** One progress report of a run. */
export interface PipelineProgress {
  stage: PipelineStage;
  /** Stages finished so far and in all, for a progress bar. */
  step: number;
  steps: number;
  message: string;
  /** The feature date a per-date report is about. */
  date?: string;
  /** Rows read, computed or written by the step. */
  rows?: number;
}

/** What {@link runFeaturePipeline} needs from the outside world (the app builds it). */
export interface RunContext {
  /** The open warehouse: tables, catalog, and the embedded DuckDB everything local runs on. */
  warehouse: TableEnv;
  /** Local folder for S3 downloads (extract, Athena results). */
  cacheDir: string;
  /** Folder relative paths in config (sources, modules) resolve against; default the working directory. */
  baseDir?: string;
  /** S3 client for `s3://` sources and Athena results; default none. */
  s3?: S3Client;
  /** Engine of `athena` sources and of `engine: athena`; default none. */
  athena?: QueryEngine;
  /** Cancels running queries. Default none. */
  signal?: AbortSignal;
  /** Epoch ms clock (run date, duration). Default `Date.now`. */
  now?: () => number;
  /** The run id. Default a random UUID. */
  randomId?: () => string;
  /** Called at every stage (and per feature date after the transform). Default none. */
  onProgress?: (progress: PipelineProgress) => void;
}

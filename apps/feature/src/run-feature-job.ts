import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { type RunSummary, runFeaturePipeline, ValidationFailedError } from '@fti/feature-pipeline';
import { parseCliArgs } from './cli-args.js';
import { formatRunSummary } from './format-run-summary.js';
import { openJobWarehouse } from './open-job-warehouse.js';
import { createProgressPrinter, type ProgressOutput } from './progress-printer.js';
import { readJobConfig } from './read-job-config.js';

/** What a job run printed and returned. */
export interface FeatureJobResult {
  /** 0 on success, 1 on any failure (validation, definition conflict, bad config). */
  exitCode: number;
  summary: RunSummary | undefined;
}

/**
 * The `feature` job: parse the command line and the config file, open the warehouse, run the feature
 * pipeline with progress on `out`, print the summary (or the failure, with the validation report) and
 * return the exit code.
 */
export async function runFeatureJob(argv: string[], out: ProgressOutput): Promise<FeatureJobResult> {
  let close: (() => Promise<void>) | undefined;
  try {
    const args = parseCliArgs(argv);
    const { config, baseDir } = await readJobConfig(args);
    const { warehouse, s3 } = await openJobWarehouse(config, baseDir);
    close = () => warehouse.close();
    const printer = createProgressPrinter(out);
    const summary = await runFeaturePipeline(config, {
      warehouse,
      cacheDir: join(tmpdir(), 'fti-feature-cache'),
      baseDir,
      ...(s3 ? { s3 } : {}),
      onProgress: (p) => printer.onProgress(p),
    }).finally(() => printer.end());
    out.write(`${formatRunSummary(summary)}\n`);
    if (args.summaryJson) {
      const file = resolve(args.summaryJson);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, `${JSON.stringify(summary, null, 2)}\n`);
      out.write(`[feature] summary written to ${file}\n`);
    }
    return { exitCode: 0, summary };
  } catch (error) {
    // A validation failure's message already carries the readable report.
    const message = error instanceof Error ? error.message : String(error);
    out.write(
      `[feature] failed: ${error instanceof ValidationFailedError ? '' : `${(error as Error).name}: `}${message}\n`,
    );
    return { exitCode: 1, summary: undefined };
  } finally {
    await close?.();
  }
}

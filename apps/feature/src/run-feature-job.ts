import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import {
  AthenaEngine,
  type RunSummary,
  runFeaturePipeline,
  ValidationFailedError,
} from '@fti/feature-pipeline';
import { type AwsClients, describeStoragePlan, openStorage } from '@fti/job-storage';
import { parseCliArgs } from './cli-args.js';
import { formatRunSummary } from './format-run-summary.js';
import { createProgressPrinter, type ProgressOutput } from './progress-printer.js';
import { readJobConfig } from './read-job-config.js';

/** What a job run printed and returned. */
export interface FeatureJobResult {
  /** 0 on success, 1 on any failure (validation, definition conflict, bad config). */
  exitCode: number;
  summary: RunSummary | undefined;
}

/** What the job takes from its caller beside the command line. */
export interface FeatureJobDeps {
  /** AWS clients to use instead of new ones from the storage's `aws` settings (tests). */
  clients?: Partial<AwsClients>;
}

/**
 * The `feature` job: parse the command line and the config file, open the storage (local or S3, Glue,
 * Athena), run the feature pipeline with progress on `out`, print the summary (or the failure, with the
 * validation report) and return the exit code.
 */
export async function runFeatureJob(
  argv: string[],
  out: ProgressOutput,
  deps: FeatureJobDeps = {},
): Promise<FeatureJobResult> {
  let close: (() => Promise<void>) | undefined;
  try {
    const args = parseCliArgs(argv);
    const { config, storage: plan, baseDir } = await readJobConfig(args);
    out.write(`[feature] ${describeStoragePlan(plan)}\n`);
    const storage = await openStorage(plan, deps.clients ? { clients: deps.clients } : {});
    close = () => storage.close();
    const printer = createProgressPrinter(out);
    const summary = await runFeaturePipeline(config, {
      warehouse: storage.warehouse,
      cacheDir: join(tmpdir(), 'fti-feature-cache'),
      baseDir,
      ...(storage.s3 ? { s3: storage.s3 } : {}),
      ...(storage.athena ? { athena: new AthenaEngine(storage.athena) } : {}),
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

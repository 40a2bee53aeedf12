import { describeStoragePlan, formatStoreLocation } from '@fti/job-storage';
import { parseCliArgs } from './cli-args.js';
import { formatTrainingEvent } from './progress-printer.js';
import { readGitCommit } from './read-git-commit.js';
import { runTrainingJob } from './run-training-job.js';
import { readTrainingJob } from './training-job.js';

const log = (message: string) => console.log(`[training] ${message}`);

try {
  const args = parseCliArgs(process.argv.slice(2));
  const job = await readTrainingJob(args.config, args);
  log(`${job.name}: ${describeStoragePlan(job.storage)}, runs ${formatStoreLocation(job.runs)}`);
  const started = performance.now();
  const summary = await runTrainingJob(job, {
    gitCommit: readGitCommit(),
    report: (event) => {
      const line = formatTrainingEvent(event, { verbose: process.env.FTI_VERBOSE === '1' });
      if (line !== undefined) log(line);
    },
  });
  for (const s of summary.segments)
    log(`  ${s.column} = ${s.segment}: ${s.count} rows, ROC AUC ${s.metrics.roc_auc?.toFixed(4) ?? '—'}`);
  log(
    `run ${summary.runId}: ${summary.model.name} version ${summary.model.version}, validation ROC AUC ${summary.metrics.roc_auc?.toFixed(4)}, ` +
      `alias ${summary.alias ?? '(none: gate refused)'}; ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
} catch (error) {
  console.error(`[training] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}

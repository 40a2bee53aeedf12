// The monitoring job: `npx nx run monitoring:start -- --config <file> [--warehouse dir|s3://b/p] [--registry dir|s3://b/p] [--storage f] [--now ISO] [--months N]`.
// Exit codes: 0 healthy, 1 the job failed (bad config, missing table), 3 the retraining policy fired
// (RETRAIN_EXIT_CODE; an event was written under events/retrain/ for the scheduler to start training:start).
import { describeStoragePlan, openStorage } from '@fti/job-storage';
import { RETRAIN_EXIT_CODE, runMonitoring } from '@fti/monitoring';
import { parseCliArgs } from './cli-args.js';
import { readMonitoringJob } from './read-monitoring-job.js';
import { slideMonths } from './slide-months.js';

const log = (message: string) => console.log(`[monitoring] ${message}`);

try {
  const args = parseCliArgs(process.argv.slice(2));
  const { config, storage: plan } = await readMonitoringJob(args);
  log(describeStoragePlan(plan));
  const storage = await openStorage(plan);
  const env = storage.warehouse;
  try {
    let exitCode = 0;
    for (const run of slideMonths(config, args.months)) {
      const runAt =
        args.now && args.months <= 1
          ? Date.parse(args.now)
          : Date.parse(run.current.window?.to ?? '') || Date.now();
      const {
        report,
        exitCode: code,
        files,
      } = await runMonitoring(run, {
        env,
        registry: storage.registry,
        now: () => runAt,
        log,
      });
      const model = report.reference.model;
      if (model)
        log(
          `reference ${model.model}@${model.version} training set (${report.reference.rows} rows): ` +
            `${model.reused ? 'stored profile reused' : 'profiled and stored'} at ${model.profileKey}`,
        );
      const { dataset } = report.drift;
      log(
        `${report.current.description}: ${dataset.driftedColumns}/${dataset.evaluatedColumns} columns drifted` +
          `${dataset.datasetDrift ? ' (DATASET DRIFT)' : ''}, volume ${report.quality.volume.ratio?.toFixed(2) ?? '—'}×, ` +
          `${report.quality.issues.length} quality issues${report.retrain.fire ? ', RETRAIN' : ''} → ${files.html}`,
      );
      for (const warning of report.warnings) log(`warning: ${warning}`);
      if (code === RETRAIN_EXIT_CODE) exitCode = code;
    }
    process.exitCode = exitCode;
  } finally {
    await storage.close();
  }
} catch (error) {
  console.error(`[monitoring] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}

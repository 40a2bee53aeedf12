import { parseArgs } from './config.js';
import { runInference } from './run-inference.js';

const log = (message: string) => console.log(`[inference] ${message}`);

try {
  const config = parseArgs(process.argv.slice(2));
  const runId = `score-${new Date().toISOString().replace(/[-:.]/g, '').slice(0, 15)}`;
  const s = await runInference(config, {
    runId,
    log,
    onProgress: (event) => {
      if (event.kind === 'batch')
        log(`    batch ${event.batch}: ${event.rowsRead} rows read, ${event.rowsScored} scored`);
      else log(`    committed ${event.table} snapshot ${event.snapshotId}`);
    },
  });
  log(
    `run ${s.runId}: ${s.modelLabel} scored ${s.rowsScored} of ${s.rowsRead} rows for ${s.featureDate} ` +
      `(shard ${s.shard.index}/${s.shard.count}, feature snapshot ${s.featureSnapshotId ?? 'none'}), ` +
      `${s.positives} at or above threshold ${s.model.threshold.toFixed(4)}; ` +
      `${s.predictions.table}@${s.predictions.snapshotId}, log ${s.log.table}@${s.log.snapshotId}; ` +
      `${s.batches} batches (largest ${s.largestBatchRows} rows), ${s.seconds.toFixed(1)} s`,
  );
} catch (error) {
  console.error(`[inference] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}

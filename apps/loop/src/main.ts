import { parseArgs } from './config.js';
import { runLoop } from './run-loop.js';

const log = (message: string) => console.log(`[loop] ${message}`);

try {
  const summary = await runLoop(parseArgs(process.argv.slice(2)), log);
  for (const t of summary.tables) {
    log(
      `${t.table}: ${t.snapshots} snapshots (current ${t.currentSnapshotId}, ${t.operation}), ` +
        `${t.partitions} partitions, ${t.dataFiles} data files, ${t.records} rows`,
    );
  }
  const { join } = summary;
  log(
    `point-in-time join: ${join.rows} rows for ${join.spineRows} spine rows, ${join.withFeatures} with a value within the TTL, read at ${join.sources.join(', ')}`,
  );
  console.table(join.sample);
  log(`done in ${summary.seconds.toFixed(1)} s`);
} catch (error) {
  console.error(`[loop] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}

import { parseArgs } from './config.js';
import { runLoop } from './run-loop.js';

const log = (message: string) => console.log(`[loop] ${message}`);

try {
  const summary = await runLoop(parseArgs(process.argv.slice(2)), log, {
    onTraining: (event) => {
      if (event.kind === 'trial')
        log(
          `    trial ${event.trial} rung ${event.rung} (${event.epochs} epochs): tuning ROC AUC ${event.metric.toFixed(4)}`,
        );
      if (event.kind === 'evaluated') log(`    validation ROC AUC ${event.metrics.roc_auc?.toFixed(4)}`);
    },
  });
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
  const { training } = summary;
  if (training) {
    log(
      `training run ${training.runId}: ${training.model} version ${training.version}, validation ROC AUC ${training.rocAuc.toFixed(4)} ` +
        `(${training.rows.train} train, ${training.rows.tuning} tuning, ${training.rows.validation} validation rows), ` +
        `alias ${training.alias ?? `none (gate refused: ${training.gateReasons.join('; ')})`}; ${training.seconds.toFixed(1)} s`,
    );
  }
  const { scoring } = summary;
  if (scoring) {
    log(
      `scoring: ${scoring.model}@${scoring.version} scored ${scoring.rowsScored} customers for ${scoring.featureDate} ` +
        `(${scoring.positives} likely to buy again); ${scoring.table} holds ${scoring.records} rows; ${scoring.seconds.toFixed(1)} s`,
    );
  }
  const { monitoring } = summary;
  if (monitoring) {
    log(
      `monitoring: ${monitoring.driftedColumns}/${monitoring.evaluatedColumns} columns drifted` +
        `${monitoring.datasetDrift ? ' (DATASET DRIFT)' : ''}, volume ${monitoring.volumeRatio?.toFixed(2) ?? '—'}×` +
        `${monitoring.retrain ? ', retraining policy fired' : ''}; report ${monitoring.html}`,
    );
  }
  const { modelMonitoring: mm } = summary;
  if (mm) {
    const score = mm.score
      ? `prediction drift ${mm.score.method} ${mm.score.value?.toFixed(4) ?? '—'}${mm.score.drifted ? ' (DRIFTED)' : ' (stable)'}`
      : 'prediction drift not scored';
    log(
      `model monitoring: ${mm.model}@${mm.version} training set (${mm.reference.rows} rows, stored profile ${mm.reference.profile}) ` +
        `against ${mm.currentRows} logged predictions: ${mm.driftedColumns}/${mm.evaluatedColumns} columns drifted` +
        `${mm.datasetDrift ? ' (DATASET DRIFT)' : ''}, ${score}, ${mm.qualityIssues} quality issues` +
        `${mm.retrain ? ', retraining policy fired' : ''}` +
        `${mm.monitored === 'score only' ? ' [score only: the prediction log has no input columns yet]' : ''}; ` +
        `report ${mm.html}; ${mm.seconds.toFixed(1)} s`,
    );
  }
  log(`done in ${summary.seconds.toFixed(1)} s`);
} catch (error) {
  console.error(`[loop] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}

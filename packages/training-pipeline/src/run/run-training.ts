import type { TableEnv } from '@fti/feature-store';
import { type ModelRegistry, promoteModel, registerModel } from '@fti/model-registry';
import type { DenseModel, FittedPreprocessor } from '@fti/model-runtime';
import { applyPreprocessor, predictProba, saveServableFiles, selectBackend } from '@fti/model-runtime';
import { buildDataset } from '../dataset/build-dataset.js';
import { checkFeatureValues } from '../dataset/check-feature-values.js';
import type { Dataset, DatasetFeatureType } from '../dataset/dataset.js';
import { splitDataset } from '../dataset/split-dataset.js';
import { takeDatasetRows } from '../dataset/take-dataset-rows.js';
import type { BinaryEvaluation } from '../evaluation/evaluate-binary.js';
import { fitPreprocessor } from '../preprocessing/fit-preprocessor.js';
import { computeClassWeights } from '../splits/compute-class-weights.js';
import { expandClassWeights } from '../splits/expand-class-weights.js';
import type { EpochLogEntry, RunRecord } from '../tracking/run-record.js';
import type { RunTracker } from '../tracking/run-tracker.js';
import { saveRun } from '../tracking/save-run.js';
import type { TrainingSet } from '../train/training-set.js';
import { createModelTrialRunner } from '../tuning/create-model-trial-runner.js';
import { planHalving } from '../tuning/plan-halving.js';
import type { TrialRecord } from '../tuning/trial-record.js';
import { tuneHyperparameters } from '../tuning/tune-hyperparameters.js';
import { evaluateCandidate } from './evaluate-candidate.js';
import { parseTrainingConfig, type TrainingConfigInput } from './training-config.js';
import type { TrainingEvent } from './training-event.js';
import { REFERENCE_PATH, type ReferenceParquet, writeReferenceParquet } from './write-reference-parquet.js';

/** The file the fitted preprocessor is registered as, beside the tfjs files. */
export { PREPROCESSING_PATH } from '@fti/model-runtime';

/** What {@link runTraining} needs from the outside: stores, ids, clock, code version and a progress sink. */
export interface TrainingContext {
  /** The feature store's warehouse the dataset is read from. */
  warehouse: TableEnv;
  registry: ModelRegistry;
  tracker: RunTracker;
  /** Id of this run (`runs/<runId>/`), made by the caller. */
  runId: string;
  /** Git commit of the code, read by the app; default unknown. */
  gitCommit?: string;
  /** Versions to record besides tfjs (`node`); default none. */
  libraryVersions?: Record<string, string>;
  /** Epoch-ms clock; default `Date.now`. */
  now?: () => number;
  /** Progress sink; default silent. */
  report?: (event: TrainingEvent) => void;
}

/** What a training run produced. */
export interface TrainingSummary {
  runId: string;
  model: { name: string; version: number };
  /** The alias the gate moved, or null when it refused. */
  alias: string | null;
  gate: { passed: boolean; reasons: string[] };
  /** Validation metrics as registered (`roc_auc`, …). */
  metrics: Record<string, number>;
  segments: { column: string; segment: string; count: number; metrics: Record<string, number> }[];
  evaluation: BinaryEvaluation;
  best: TrialRecord;
  trials: TrialRecord[];
  rows: { train: number; tuning: number; validation: number };
  dataset: Pick<Dataset, 'sources' | 'featureRefs' | 'spineHash'>;
  /** The trained model and fitted preprocessor in memory (the training path of a skew check). */
  trained: { model: DenseModel; preprocessor: FittedPreprocessor };
}

/**
 * The training job: builds the dataset from the feature store (point-in-time, pinned snapshots), splits it
 * (validation rows are only used for the final evaluation), fits preprocessing on the training split only,
 * tunes the model by seeded random search with successive halving (early stopping and trial selection on
 * the tuning rows), evaluates the winner on validation (threshold chosen on the tuning rows, per segment),
 * registers it with its preprocessing, signature, metrics and lineage, runs the promotion gate, and records
 * the run. A failed run is recorded as `failed` and the error rethrown.
 */
export async function runTraining(
  input: TrainingConfigInput,
  ctx: TrainingContext,
): Promise<TrainingSummary> {
  const config = parseTrainingConfig(input);
  const now = ctx.now ?? Date.now;
  const report = ctx.report ?? (() => {});
  const startedAtMs = now();
  const epochs: EpochLogEntry[] = [];
  const record: RunRecord = {
    formatVersion: 1,
    runId: ctx.runId,
    name: config.name,
    status: 'failed',
    startedAtMs,
    finishedAtMs: startedAtMs,
    gitCommit: ctx.gitCommit ?? null,
    backend: null,
    libraryVersions: { ...ctx.libraryVersions },
    params: JSON.parse(JSON.stringify(config)) as Record<string, unknown>,
    lineage: null,
    trials: [],
    bestTrial: null,
    metrics: {},
    artifacts: [],
    model: null,
    error: null,
  };
  try {
    const backend = await selectBackend();
    record.backend = { name: backend.name, version: backend.version };
    record.libraryVersions['@tensorflow/tfjs-core'] = backend.version;

    const dataset = await buildDataset(ctx.warehouse, config.dataset);
    const outer = splitDataset(dataset, config.split);
    const trainRows = takeDatasetRows(dataset, outer.train);
    const validationRows = takeDatasetRows(dataset, outer.validation);
    checkFeatureValues(trainRows, config.preprocessing);
    checkFeatureValues(validationRows, config.preprocessing);
    const inner = splitDataset(trainRows, config.tuningSplit);
    const fitRows = takeDatasetRows(trainRows, inner.train);
    const tuningRows = takeDatasetRows(trainRows, inner.validation);
    record.lineage = {
      sources: dataset.sources,
      features: dataset.featureRefs,
      spineHash: dataset.spineHash,
      rows: { train: trainRows.rows, validation: validationRows.rows },
    };
    report({
      kind: 'dataset',
      rows: dataset.rows,
      train: fitRows.rows,
      tuning: tuningRows.rows,
      validation: validationRows.rows,
      positiveRate: dataset.labels.reduce((s, v) => s + v, 0) / dataset.rows,
      sources: dataset.sources,
      spineHash: dataset.spineHash,
    });

    // Preprocessing sees the training split only; validation is transformed with the fitted parameters.
    const preprocessor = fitPreprocessor(config.preprocessing, trainRows.columns);
    const toSet = (rows: Dataset, weighted: boolean): TrainingSet => {
      const x = applyPreprocessor(preprocessor, rows.columns);
      const set: TrainingSet = { x: { values: x.values, rows: x.rows, width: x.width }, y: rows.labels };
      if (weighted)
        set.sampleWeight = expandClassWeights(rows.labels, computeClassWeights({ labels: rows.labels }));
      return set;
    };
    const fitSet = toSet(fitRows, config.classWeights === 'balanced');
    const tuningSet = toSet(tuningRows, false);
    const validationSet = toSet(validationRows, false);

    report({
      kind: 'plan',
      rungs: planHalving(config.tuning.trials, config.tuning.halving),
      width: fitSet.x.width,
    });
    const tuning = await tuneHyperparameters({
      space: config.searchSpace,
      trials: config.tuning.trials,
      seed: config.tuning.seed,
      halving: config.tuning.halving,
      concurrency: config.tuning.concurrency,
      runTrial: createModelTrialRunner({
        base: { model: config.model, train: config.train },
        train: fitSet,
        validation: tuningSet,
        onEpoch: (e) => {
          const entry = {
            trial: e.trial,
            rung: e.rung,
            epoch: e.epoch,
            loss: e.loss,
            valLoss: e.valLoss,
            valRocAuc: e.valRocAuc,
          };
          epochs.push(entry);
          report({ kind: 'epoch', ...entry });
        },
      }),
      onRung: (trial, rung) =>
        report({
          kind: 'trial',
          trial: trial.trial,
          rung: rung.rung,
          epochs: rung.epochs,
          metric: trial.finalMetric,
          params: trial.params,
        }),
    });
    record.trials = tuning.trials.map((t) => ({
      trial: t.trial,
      params: t.params,
      seed: t.seed,
      rungs: t.rungs.map((r) => ({ rung: r.rung, epochs: r.epochs, metric: finiteOrNull(r.metric) })),
      finalMetric: finiteOrNull(t.finalMetric),
      status: t.status,
    }));
    record.bestTrial = tuning.best.trial;
    const model = tuning.bestState.model;

    const segmentColumn = config.evaluation.segmentColumn;
    const segmentValues = segmentColumn === undefined ? undefined : validationRows.columns[segmentColumn];
    const tuningScores = await predictProba(model, tuningSet.x);
    const validationScores = await predictProba(model, validationSet.x);
    const scored = evaluateCandidate({
      tuning: { yTrue: tuningRows.labels, yScore: tuningScores },
      validation: { yTrue: validationRows.labels, yScore: validationScores },
      objective: config.evaluation.threshold,
      ...(segmentColumn !== undefined &&
      segmentValues !== undefined &&
      !(segmentValues instanceof Float64Array)
        ? {
            segment: {
              column: segmentColumn,
              values: Array.from(segmentValues, (v) => (v === null || v === undefined ? null : String(v))),
              minRows: config.evaluation.minSegmentRows,
            },
          }
        : {}),
    });
    record.metrics = scored.metrics;
    report({ kind: 'evaluated', metrics: scored.metrics });

    const inputs = [...new Set(config.preprocessing.features.map((f) => f.column))];
    const reference = await writeReferenceParquet({
      env: ctx.warehouse,
      splits: [
        { split: 'train', rows: fitRows, scores: await predictProba(model, fitSet.x) },
        { split: 'tuning', rows: tuningRows, scores: tuningScores },
        { split: 'validation', rows: validationRows, scores: validationScores },
      ],
      features: inputs,
      labelColumn: config.dataset.spine.label,
      maxRows: config.reference.maxRows,
      seed: config.reference.seed,
    });
    const artifacts = [
      ...(await saveServableFiles(model, preprocessor)).map((f) => ({ kind: 'bytes' as const, ...f })),
      { kind: 'bytes' as const, path: REFERENCE_PATH, bytes: reference.bytes },
    ];
    const types = new Map(dataset.features.map((f) => [f.name, f.type]));
    const registered = await registerModel(ctx.registry, {
      name: config.name,
      description: config.description,
      artifacts,
      signature: {
        inputs: config.preprocessing.features.map((f) => ({
          name: f.column,
          type: types.get(f.column) ?? ('float' as DatasetFeatureType),
          required: !(f.kind === 'numeric' && f.impute !== undefined),
        })),
        outputs: [{ name: 'probability', type: 'float', description: 'P(label = 1)' }],
      },
      metrics: scored.metrics,
      segmentMetrics: scored.segments,
      params: {
        model: model.spec,
        train: tuning.bestState.config.train,
        best: tuning.best.params,
        threshold: scored.metrics.threshold,
        split: config.split,
        tuningSplit: config.tuningSplit,
        classWeights: config.classWeights,
        featureNames: preprocessor.featureNames,
        reference: describeReference(reference, config.reference),
      } as Record<string, unknown>,
      lineage: {
        sources: dataset.sources,
        features: dataset.featureRefs,
        spineHash: dataset.spineHash,
        ...(ctx.gitCommit !== undefined && /^[0-9a-f]{7,64}$/.test(ctx.gitCommit)
          ? { gitCommit: ctx.gitCommit }
          : {}),
        runId: ctx.runId,
        backend: backend.name,
        libraryVersions: record.libraryVersions,
      },
      tags: { runId: ctx.runId },
    });
    record.artifacts = registered.artifacts;
    report({ kind: 'registered', name: registered.name, version: registered.version });

    const gate = await promoteModel(ctx.registry, {
      name: registered.name,
      candidate: registered.version,
      alias: config.gate.alias,
      metric: config.gate.metric,
      margin: config.gate.margin,
      checks: config.gate.checks.map((c) => ({ kind: 'metric' as const, ...c })),
      reason: `training run ${ctx.runId}`,
    });
    const passed = gate.decision.passed;
    report({ kind: 'promoted', alias: config.gate.alias, passed, reasons: gate.decision.reasons });
    record.model = {
      name: registered.name,
      version: registered.version,
      alias: passed ? config.gate.alias : null,
      gate: { passed, reasons: gate.decision.reasons },
    };
    record.status = 'completed';
    record.finishedAtMs = now();
    await saveRun(ctx.tracker, { record, epochs });
    return {
      runId: ctx.runId,
      model: { name: registered.name, version: registered.version },
      alias: record.model.alias,
      gate: record.model.gate,
      metrics: scored.metrics,
      segments: scored.segments,
      evaluation: scored.evaluation,
      best: tuning.best,
      trials: tuning.trials,
      rows: { train: fitRows.rows, tuning: tuningRows.rows, validation: validationRows.rows },
      dataset: { sources: dataset.sources, featureRefs: dataset.featureRefs, spineHash: dataset.spineHash },
      trained: { model, preprocessor },
    };
  } catch (error) {
    record.status = 'failed';
    record.error = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    record.finishedAtMs = now();
    await saveRun(ctx.tracker, { record, epochs }).catch(() => undefined);
    throw error;
  }
}

/** One line for the model card: what `reference.parquet` holds and how it was sampled. */
function describeReference(reference: ReferenceParquet, cap: { maxRows: number; seed: number }): string {
  const rows = Object.values(reference.rows).reduce((s, n) => s + n, 0);
  const splits = Object.entries(reference.rows)
    .map(([split, n]) => `${n} ${split}`)
    .join(', ');
  const sample =
    rows < reference.totalRows
      ? `a seeded sample (seed ${cap.seed}) of ${reference.totalRows} rows, capped at ${cap.maxRows}`
      : `every row (cap ${cap.maxRows})`;
  return `${REFERENCE_PATH}: ${rows} rows (${splits}), ${sample}; columns: the raw input features, the label, \`split\` and the model's \`score\` (the reference for monitoring)`;
}

function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

// The training-quality suite (issue 4, "Quality on real data"): `npm run bench -- training-quality`.
// Online Retail "buys again within 90 days": fti's training job (examples/online-retail/training-job.yaml:
// point-in-time dataset, time split, preprocessing, 6 tuned MLP trials) beside scikit-learn's
// HistGradientBoostingClassifier fitted on the very same joined training rows and scored on the same later
// validation dates. The line passes when both validation ROC AUCs are within 0.02; wall time is recorded too.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type FeaturePipelineConfigInput, runFeaturePipeline } from '@fti/feature-pipeline';
import { LocalObjectStore, openWarehouse, type TableEnv } from '@fti/feature-store';
import { openModelRegistry } from '@fti/model-registry';
import {
  buildDataset,
  type Dataset,
  openRunTracker,
  parseTrainingConfig,
  runTraining,
  selectBackend,
  splitDataset,
  type TrainingConfig,
  takeDatasetRows,
} from '@fti/training-pipeline';
import { parse as parseYaml } from 'yaml';
import { pythonModuleUnavailable } from '../python-module-unavailable.js';
import { readPeerLine, runPythonPeer } from '../python-peer.js';
import type { SideContext, SideRun, Suite } from '../types.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const ONLINE_RETAIL = path.join(root, 'examples/online-retail/data/online_retail.parquet');
const TRAINING_JOB = path.join(root, 'examples/online-retail/training-job.yaml');
const PEER_SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'sklearn-hgb.py');
const PYTHON = '/usr/bin/python3';
const SEED = 0;

/** The training job of the example, without its folders (the suite supplies them). */
function readTrainingJob(): TrainingConfig {
  const {
    warehouse: _w,
    registry: _r,
    runs: _runs,
    ...config
  } = parseYaml(readFileSync(TRAINING_JOB, 'utf8'));
  return parseTrainingConfig(config);
}

/** The Online Retail feature job over its 52 weekly dates (as examples/online-retail/feature-job.yaml). */
function featureJob(): FeaturePipelineConfigInput {
  const examples = '@fti/feature-pipeline/examples/online-retail';
  return {
    sources: [{ kind: 'parquet', name: 'online_retail', path: ONLINE_RETAIL }],
    features: { module: examples, export: 'onlineRetailFeatures' },
    labels: { module: examples, export: 'onlineRetailLabels' },
    dates: { from: '2010-12-05', to: '2011-11-27', everyDays: 7 },
    runDate: '2012-01-01',
    featureView: { ttl: 'P7D', owner: 'fti-bench' },
    validation: {
      policy: 'quarantine',
      input: { duplicateKey: 'all', allow: ['nullEntityKey'] },
      expectations: [{ kind: 'uniqueKey' }],
    },
  };
}

/** Writes a dataset's features and label as CSV (empty cell = missing), the columns in the dataset's order. */
function writeCsv(file: string, dataset: Dataset): void {
  const names = dataset.features.map((f) => f.name);
  const lines = [[...names, 'label'].join(',')];
  for (let i = 0; i < dataset.rows; i++) {
    const cells = names.map((name) => {
      const value = dataset.columns[name]![i];
      if (value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value)))
        return '';
      return typeof value === 'string' ? JSON.stringify(value) : String(value);
    });
    lines.push(`${cells.join(',')},${dataset.labels[i]}`);
  }
  writeFileSync(`${file}.partial`, `${lines.join('\n')}\n`);
  renameSync(`${file}.partial`, file);
}

// ─── fti ───────────────────────────────────────────────────────────────────────────────────────────────

interface FtiState {
  env: TableEnv & { close(): Promise<void> };
  config: TrainingConfig;
}

async function ftiSetup(context: SideContext): Promise<FtiState> {
  await selectBackend();
  const env = await openWarehouse({ location: { kind: 'local', path: context.data.warehouse! } });
  return { env, config: readTrainingJob() };
}

/** fti: the whole training job (dataset, preprocessing, tuning, evaluation, registration) → validation ROC AUC. */
async function ftiTrain(context: SideContext, { env, config }: FtiState): Promise<SideRun> {
  try {
    const summary = await runTraining(config, {
      warehouse: env,
      registry: openModelRegistry({
        store: new LocalObjectStore({ root: path.join(context.workDir, 'registry') }),
      }),
      tracker: openRunTracker({ store: new LocalObjectStore({ root: path.join(context.workDir, 'runs') }) }),
      runId: 'bench',
    });
    return { rows: summary.rows.train + summary.rows.tuning, quality: summary.metrics.roc_auc ?? Number.NaN };
  } finally {
    await env.close();
  }
}

// ─── scikit-learn ──────────────────────────────────────────────────────────────────────────────────────

async function sklearnSetup(context: SideContext): Promise<ChildProcessWithoutNullStreams> {
  const child = spawn(PYTHON, [PEER_SCRIPT, context.data.train!, context.data.validation!, String(SEED)]);
  await readPeerLine(child);
  return child;
}

async function sklearnTrain(_context: SideContext, child: ChildProcessWithoutNullStreams): Promise<SideRun> {
  return runPythonPeer(child);
}

// ─── suite ─────────────────────────────────────────────────────────────────────────────────────────────

/** The training-quality suite: one workload, `online-retail-90d`. `--rows` is ignored (the data is fixed). */
export const trainingQualitySuite: Suite = {
  name: 'training-quality',
  module: import.meta.url,
  defaultRows: 541_909,
  async prepare({ dataDir, log }) {
    const dir = path.join(dataDir, 'training-quality');
    mkdirSync(dir, { recursive: true });
    const files = {
      warehouse: path.join(dir, 'warehouse'),
      train: path.join(dir, 'train.csv'),
      validation: path.join(dir, 'validation.csv'),
    };
    if (existsSync(files.train) && existsSync(files.validation)) return files;
    const env = await openWarehouse({ location: { kind: 'local', path: files.warehouse } });
    try {
      log('Online Retail feature job: 52 weekly dates (features and 90-day labels)');
      await runFeaturePipeline(featureJob(), { warehouse: env, cacheDir: path.join(dir, 'cache') });
      const config = readTrainingJob();
      const dataset = await buildDataset(env, config.dataset);
      const split = splitDataset(dataset, config.split);
      log(`dataset: ${split.train.length} train rows, ${split.validation.length} validation rows`);
      writeCsv(files.train, takeDatasetRows(dataset, split.train));
      writeCsv(files.validation, takeDatasetRows(dataset, split.validation));
    } finally {
      await env.close();
    }
    return files;
  },
  workloads: [
    {
      name: 'online-retail-90d',
      title:
        'Online Retail, buys within 90 days: validation ROC AUC on later dates, fti tuned MLP vs HistGradientBoosting',
      metric: 'wall time',
      unit: 's',
      // fti tunes 6 trials; the peer fits once with defaults: time is recorded, the quality is what is checked.
      target: 30,
      quality: { metric: 'validation ROC AUC', tolerance: 0.02 },
      fti: { label: 'fti runTraining (6 trials, tfjs wasm)', setup: ftiSetup, run: ftiTrain },
      peer: {
        label: 'scikit-learn HistGradientBoostingClassifier',
        unavailable: () => pythonModuleUnavailable({ modules: ['pandas', 'sklearn'] }),
        setup: sklearnSetup,
        run: sklearnTrain,
      },
    },
  ],
};

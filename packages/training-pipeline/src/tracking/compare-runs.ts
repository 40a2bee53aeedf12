import type { RunRecord } from './run-record.js';

/** One line of a run comparison. */
export interface RunComparisonRow {
  /** `metrics.roc_auc`, `params.train.epochs`, `lineage.spineHash`, … */
  field: string;
  a: string | number | boolean | null;
  b: string | number | boolean | null;
  /** b − a for numbers; null otherwise. */
  delta: number | null;
  /** Whether the values differ. */
  differs: boolean;
}

type Scalar = string | number | boolean | null;

/**
 * Compares two runs field by field: metrics, the best trial's parameters, the config, lineage (spine hash,
 * snapshots), code and runtime. Rows are sorted by field; values are flattened to scalars.
 */
export function compareRuns(a: RunRecord, b: RunRecord): RunComparisonRow[] {
  const left = flattenRun(a);
  const right = flattenRun(b);
  const fields = [...new Set([...left.keys(), ...right.keys()])].sort();
  return fields.map((field) => {
    const x = left.get(field) ?? null;
    const y = right.get(field) ?? null;
    return {
      field,
      a: x,
      b: y,
      delta: typeof x === 'number' && typeof y === 'number' ? y - x : null,
      differs: x !== y,
    };
  });
}

function flattenRun(run: RunRecord): Map<string, Scalar> {
  const out = new Map<string, Scalar>();
  const best = run.trials.find((t) => t.trial === run.bestTrial);
  flatten(out, 'metrics', run.metrics);
  flatten(out, 'best', best ? best.params : {});
  flatten(out, 'params', run.params);
  out.set('status', run.status);
  out.set('gitCommit', run.gitCommit);
  out.set('backend', run.backend ? `${run.backend.name} ${run.backend.version}` : null);
  out.set('trials', run.trials.length);
  out.set('model', run.model ? `${run.model.name}@${run.model.version}` : null);
  out.set('alias', run.model?.alias ?? null);
  out.set('seconds', (run.finishedAtMs - run.startedAtMs) / 1000);
  if (run.lineage) {
    out.set('lineage.spineHash', run.lineage.spineHash);
    out.set('lineage.rows.train', run.lineage.rows.train);
    out.set('lineage.rows.validation', run.lineage.rows.validation);
    for (const s of run.lineage.sources) out.set(`lineage.snapshot.${s.table}`, s.snapshotId);
  }
  return out;
}

function flatten(out: Map<string, Scalar>, prefix: string, value: unknown): void {
  if (value === null || typeof value !== 'object') {
    out.set(prefix, (value ?? null) as Scalar);
  } else if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object')) out.set(prefix, JSON.stringify(value));
    else for (const [i, v] of value.entries()) flatten(out, `${prefix}.${i}`, v);
  } else {
    for (const [key, v] of Object.entries(value)) flatten(out, `${prefix}.${key}`, v);
  }
}

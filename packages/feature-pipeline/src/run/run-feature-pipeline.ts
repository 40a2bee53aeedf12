import { randomUUID } from 'node:crypto';
import { appendData, quoteIdentifier as q, registerFeatureView, type Table } from '@fti/feature-store';
import { compileFeatureSql } from '../compile/compile-feature-sql.js';
import { compileLabelSql } from '../compile/compile-label-sql.js';
import { expandFeatureDates } from '../definition/feature-dates.js';
import type { FeatureValueType } from '../definition/feature-value-type.js';
import { resolveFeatureSet } from '../definition/resolve-feature-set.js';
import { FEATURE_DATE_COLUMN } from '../definition/resolve-source.js';
import { FeaturePipelineError, InvalidDefinitionError } from '../errors.js';
import { extract } from '../extract/extract.js';
import type { ExtractContext, Extracted } from '../extract/extract-context.js';
import { checkStoredDefinition } from '../load/check-stored-definition.js';
import { featureViewOf } from '../load/feature-view-of.js';
import { lineageProperties } from '../load/lineage-properties.js';
import { loadFeatures } from '../load/load-features.js';
import { openQuarantineTable } from '../load/open-quarantine-table.js';
import { checkInput, type InputCheck } from '../validate/check-input.js';
import { validateFeatures } from '../validate/validate-features.js';
import { ValidationFailedError } from '../validate/validation-failed-error.js';
import type { ValidationReport } from '../validate/validation-report.js';
import { committedTable } from './committed-table.js';
import {
  type FeaturePipelineConfig,
  type FeaturePipelineConfigInput,
  FeaturePipelineConfigSchema,
} from './feature-pipeline-config.js';
import { previousRunRelation } from './previous-run-relation.js';
import { quarantineSql } from './quarantine-sql.js';
import { resolveDefinition } from './resolve-definition.js';
import type { PipelineStage, RunContext } from './run-context.js';
import type { RunSummary } from './run-summary.js';

/** Namespace of label tables. */
export const LABELS_NAMESPACE = 'labels';
const STEPS = 5;

/**
 * Runs one feature pipeline job: extract the sources into the warehouse's DuckDB, check the input (bad rows
 * counted, sampled, rejected or quarantined), compute every feature for every feature date in ONE query (on
 * DuckDB, or on Athena with the result unloaded), validate the features against the expectations, then load
 * them into `features.<name>_v<version>` in one commit replacing exactly the computed dates, with lineage in
 * the snapshot summary (and the labels into `labels.<name>_v<version>`). A failed validation throws
 * {@link ValidationFailedError} before anything is committed; a changed definition that kept its version
 * throws `DefinitionVersionConflictError` before anything runs.
 */
export async function runFeaturePipeline(
  input: FeaturePipelineConfigInput | FeaturePipelineConfig,
  ctx: RunContext,
): Promise<RunSummary> {
  const config = parseConfig(input);
  const now = ctx.now ?? Date.now;
  const started = now();
  const runId = (ctx.randomId ?? randomUUID)();
  const runDate = config.runDate ?? new Date(started).toISOString().slice(0, 10);
  const dates = expandFeatureDates(config.dates);
  const env = ctx.warehouse;
  const { db } = env;
  const { validation } = config;
  let step = 0;
  const progress = (stage: PipelineStage, message: string, extra: { date?: string; rows?: number } = {}) =>
    ctx.onProgress?.({ stage, step, steps: STEPS, message, ...extra });
  const durations = { extract: 0, checkInput: 0, transform: 0, validate: 0, load: 0, total: 0 };
  let mark = started;
  const lap = (key: keyof typeof durations): void => {
    const t = now();
    durations[key] = t - mark;
    mark = t;
    step++;
  };

  const features = await resolveDefinition({ ref: config.features, kind: 'features', baseDir: ctx.baseDir });
  const labels = config.labels
    ? await resolveDefinition({ ref: config.labels, kind: 'labels', baseDir: ctx.baseDir })
    : undefined;
  const definitionCheck = await checkStoredDefinition(env, { definition: features, namespace: 'features' });
  const labelCheck = labels
    ? await checkStoredDefinition(env, { definition: labels, namespace: LABELS_NAMESPACE })
    : undefined;
  const resolved = resolveFeatureSet(features);

  const scratch = `__fti_run_${runId.replace(/[^a-zA-Z0-9]/g, '').slice(0, 16)}_`;
  const extractCtx: ExtractContext = {
    warehouse: env,
    cacheDir: ctx.cacheDir,
    ...(ctx.baseDir !== undefined ? { baseDir: ctx.baseDir } : {}),
    ...(ctx.s3 ? { s3: ctx.s3 } : {}),
    ...(ctx.athena ? { athena: ctx.athena } : {}),
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  };
  try {
    // Extract.
    progress('extract', `extracting ${config.sources.length} sources`);
    const extracted: Extracted[] = [];
    for (const source of config.sources) {
      const result = await extract(source, extractCtx);
      extracted.push(result);
      progress('extract', `source ${result.name}: ${result.rowCount} rows`, { rows: result.rowCount });
    }
    lap('extract');

    // Check the input.
    const eventName = config.eventSource ?? extracted.at(-1)?.name;
    const event = extracted.find((e) => e.name === eventName);
    progress('check-input', event ? `checking ${event.name}` : 'no local source to check');
    const inputCheck: InputCheck = event
      ? await checkInput({
          db,
          relation: event.relation,
          source: features.source,
          runDate,
          featureDates: dates,
          config: validation,
          rejects: event.rejects,
          scratchPrefix: scratch,
        })
      : emptyInputCheck(dates);
    lap('checkInput');
    const reportOf = (rest: Partial<ValidationReport>): ValidationReport => ({
      runId,
      policy: validation.policy,
      runDate,
      passed: false,
      rows: {
        input: inputCheck.rowCount,
        inputQuarantined: inputCheck.quarantinedRows,
        computed: 0,
        valid: 0,
        quarantined: 0,
      },
      input: inputCheck.issues,
      expectations: [],
      ...rest,
    });
    if (inputCheck.failed) throw new ValidationFailedError(reportOf({}));

    // Transform: every date in one query.
    progress('transform', `computing ${resolved.columns.length} features for ${dates.length} dates`);
    const featureRelation = await materialize({
      name: `${scratch}features`,
      duckdbSql: () =>
        compileFeatureSql(features, {
          dialect: 'duckdb',
          source: inputCheck.cleanRelation,
          featureDates: dates,
        }),
      athenaSql: (relation) =>
        compileFeatureSql(features, { dialect: 'athena', source: relation, featureDates: dates }),
    });
    const labelRelation = labels
      ? await materialize({
          name: `${scratch}labels`,
          duckdbSql: () =>
            compileLabelSql(labels, {
              dialect: 'duckdb',
              source: inputCheck.cleanRelation,
              featureDates: dates,
            }),
          athenaSql: (relation) =>
            compileLabelSql(labels, { dialect: 'athena', source: relation, featureDates: dates }),
        })
      : undefined;
    lap('transform');

    // Validate.
    const view = featureViewOf({
      definition: features,
      columns: resolved.columns,
      hash: definitionCheck.hash,
      ttl: config.featureView.ttl,
      owner: config.featureView.owner,
    });
    const needsBaseline = validation.expectations.some((e) => e.kind === 'distributionShift');
    const existing =
      needsBaseline && definitionCheck.status === 'unchanged'
        ? await registerFeatureView(env, view)
        : undefined;
    const checked = await validateFeatures({
      db,
      relation: featureRelation,
      entityKey: features.entity.name,
      columns: resolved.columns,
      featureDates: dates,
      expectations: validation.expectations,
      sampleSize: validation.sampleSize,
      runDate,
      latestEvent: inputCheck.latestEvent,
      latestEventBefore: inputCheck.latestEventBefore,
      baseline: existing ? await previousRunRelation(existing) : undefined,
    });
    for (const [date, rows] of checked.rowsPerDate)
      progress('transform', `${date}: ${rows} rows`, { date, rows });
    const quarantining = validation.policy === 'quarantine';
    const failed = checked.results.filter((r) => r.status === 'failed');
    const passed = quarantining ? failed.every((r) => r.level === 'row') : failed.length === 0;
    const quarantinedRows = quarantining ? checked.failingRows : 0;
    const report = reportOf({
      passed,
      rows: {
        input: inputCheck.rowCount,
        inputQuarantined: inputCheck.quarantinedRows,
        computed: checked.rowCount,
        valid: checked.rowCount - quarantinedRows,
        quarantined: quarantinedRows,
      },
      expectations: checked.results,
    });
    progress('validate', `${checked.results.length} expectations, ${failed.length} failed`);
    if (!passed) throw new ValidationFailedError(report);
    lap('validate');

    // Load: quarantine first (nothing set aside is lost if the feature commit fails), then one commit per table.
    let loadRelation = featureRelation;
    const outputColumns = [features.entity.name, FEATURE_DATE_COLUMN, ...resolved.columns.map((c) => c.name)];
    let marked: string | undefined;
    if (quarantinedRows > 0 && checked.reasonsSql) {
      marked = q(`${scratch}marked`);
      await db.run(
        `CREATE TABLE ${marked} AS SELECT *, ${checked.reasonsSql} AS "__fti_reasons" FROM ${featureRelation}`,
      );
      loadRelation = `(SELECT * EXCLUDE ("__fti_reasons") FROM ${marked} WHERE len("__fti_reasons") = 0)`;
    }
    const rejected = inputCheck.issues.find((i) => i.kind === 'rejectedLine');
    const setAside = quarantineSql({
      runId,
      inputSql: inputCheck.quarantineSql,
      rejectedLines: rejected?.action === 'quarantined' ? rejected.sample : [],
      features: marked
        ? { relation: marked, entityKey: features.entity.name, columns: outputColumns }
        : undefined,
    });
    let quarantine: Table | undefined;
    if (setAside) {
      progress('load', 'writing set-aside rows to quarantine');
      quarantine = await appendData(
        await openQuarantineTable(env, features),
        { kind: 'sql', sql: setAside },
        {
          properties: { 'fti.run-id': runId },
        },
      );
    }
    const sourceSnapshots = Object.fromEntries(
      extracted.flatMap((e) =>
        e.lineage.kind === 'table' && e.lineage.snapshotId !== undefined
          ? [[e.name, String(e.lineage.snapshotId)]]
          : [],
      ),
    );
    progress('load', `loading features into features.${features.name}_v${features.version}`);
    const featureTable = await loadFeatures(await registerFeatureView(env, view), {
      sql: `SELECT ${outputColumns.map(q).join(', ')} FROM ${loadRelation}`,
      featureDates: dates,
      properties: lineageProperties({
        definitionVersion: features.version,
        definitionHash: definitionCheck.hash,
        runId,
        sourceSnapshots,
        featureDates: dates,
      }),
    });
    let labelTable: Table | undefined;
    if (labels && labelRelation && labelCheck) {
      progress('load', `loading labels into ${LABELS_NAMESPACE}.${labels.name}_v${labels.version}`);
      const labelView = featureViewOf({
        definition: labels,
        columns: labels.labels.map((l) => ({
          name: l.name,
          type: labelType(l.kind),
          description: l.description,
        })),
        hash: labelCheck.hash,
        ttl: 'P1D',
        owner: config.featureView.owner,
      });
      labelTable = await loadFeatures(
        await registerFeatureView(env, labelView, { namespace: LABELS_NAMESPACE }),
        {
          sql: `SELECT * FROM ${labelRelation}`,
          featureDates: dates,
          properties: lineageProperties({
            definitionVersion: labels.version,
            definitionHash: labelCheck.hash,
            runId,
            sourceSnapshots,
            featureDates: dates,
          }),
        },
      );
    }
    const rowsPerDate =
      quarantinedRows === 0
        ? Object.fromEntries(checked.rowsPerDate)
        : Object.fromEntries(
            dates
              .map((d) => [d, 0])
              .concat(
                (
                  await db.query(
                    `SELECT strftime(${q(FEATURE_DATE_COLUMN)}, '%Y-%m-%d') AS d, count(*) AS n FROM ${loadRelation} GROUP BY 1`,
                  )
                ).map((r) => [String(r.d), Number(r.n)]),
              ),
          );
    lap('load');
    durations.total = now() - started;
    const summary: RunSummary = {
      runId,
      runDate,
      engine: config.engine.kind,
      featureDates: dates,
      definition: {
        name: features.name,
        version: features.version,
        hash: definitionCheck.hash,
        status: definitionCheck.status,
      },
      sources: extracted.map((e) => ({ name: e.name, rowCount: e.rowCount, lineage: e.lineage })),
      rowsPerDate,
      features: committedTable(featureTable),
      labels: labelTable ? committedTable(labelTable) : undefined,
      quarantine: quarantine ? committedTable(quarantine) : undefined,
      validation: report,
      durationMs: durations,
    };
    progress('done', `committed snapshot ${summary.features.snapshotId} (${summary.features.rows} rows)`, {
      rows: summary.features.rows,
    });
    return summary;
  } finally {
    const left = await db.query(
      `SELECT table_name, table_type FROM information_schema.tables WHERE table_name LIKE '${scratch}%'`,
    );
    for (const t of left)
      await db.run(`DROP ${t.table_type === 'VIEW' ? 'VIEW' : 'TABLE'} IF EXISTS ${q(String(t.table_name))}`);
  }

  /** Runs a compiled query into a scratch table (DuckDB) or unloads it from Athena into a view over Parquet. */
  async function materialize(options: {
    name: string;
    duckdbSql: () => string;
    athenaSql: (relation: string) => string;
  }): Promise<string> {
    if (config.engine.kind === 'duckdb') {
      await db.run(`CREATE TABLE ${q(options.name)} AS ${options.duckdbSql()}`);
      return q(options.name);
    }
    if (!ctx.athena)
      throw new FeaturePipelineError('engine `athena` needs an Athena engine in the run context (`athena`)');
    const result = await extract(
      {
        kind: 'athena',
        name: options.name,
        sql: options.athenaSql(config.engine.relation),
        ...(config.engine.timeoutMs !== undefined ? { timeoutMs: config.engine.timeoutMs } : {}),
      },
      extractCtx,
    );
    return result.relation;
  }
}

function parseConfig(input: FeaturePipelineConfigInput | FeaturePipelineConfig): FeaturePipelineConfig {
  const result = FeaturePipelineConfigSchema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new InvalidDefinitionError('config', issue?.path.join('.') || '(root)', issue?.message ?? 'invalid', {
    cause: result.error,
  });
}

function emptyInputCheck(dates: readonly string[]): InputCheck {
  return {
    issues: [],
    rowCount: 0,
    latestEvent: null,
    latestEventBefore: new Map(dates.map((d) => [d, null])),
    failed: false,
    cleanRelation: '',
    quarantineSql: undefined,
    quarantinedRows: 0,
  };
}

function labelType(kind: 'exists' | 'count' | 'sum'): FeatureValueType {
  return kind === 'exists' ? 'boolean' : kind === 'count' ? 'long' : 'double';
}

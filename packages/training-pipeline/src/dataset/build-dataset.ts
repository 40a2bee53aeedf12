import {
  type FeatureType,
  getHistoricalFeatures,
  loadTable,
  quoteIdentifier as q,
  snapshotRelation,
  storedFeatureView,
  type Table,
  type TableEnv,
} from '@fti/feature-store';
import { DatasetError } from '../errors.js';
import type { Dataset, DatasetFeature, DatasetFeatureType, DatasetSource } from './dataset.js';
import { type DatasetSpecInput, DatasetSpecSchema, type SpineSpec } from './dataset-spec.js';
import { hashSpine } from './hash-spine.js';
import { type FrameVector, readNumericFrameColumn, readStringFrameColumn } from './read-frame-column.js';

/**
 * Builds a training set: reads the spine (a label table at a pinned snapshot, or a relation) ordered by time
 * and keys, joins every referenced feature point-in-time (`getHistoricalFeatures`, each view pinned at one
 * snapshot) and returns columns, labels, times, entities, the snapshots read and the spine's sha256.
 * @throws DatasetError when the spine is empty, a label is null or not 0/1, all labels are equal, or a
 *   requested feature is not in its view.
 */
export async function buildDataset(env: TableEnv, spec: DatasetSpecInput): Promise<Dataset> {
  const valid = DatasetSpecSchema.parse(spec);
  const spine = await resolveSpine(env, valid.spine);
  const views: { table: Table; features: string[]; snapshotId?: bigint }[] = [];
  const features: DatasetFeature[] = [];
  const sources: DatasetSource[] = [spine.source];
  const spineColumns = new Set([...valid.spine.keys, valid.spine.timestampColumn, valid.spine.label]);
  for (const ref of valid.features) {
    const table = await loadTable(env, ref.table);
    const view = storedFeatureView(table);
    const id = `${ref.table.namespace}.${ref.table.name}`;
    if (!view)
      throw new DatasetError('unknown-column', `table \`${id}\` is not a feature view table`, undefined);
    const types = new Map(view.features.map((f) => [f.name, f.type]));
    for (const name of ref.features) {
      const type = types.get(name);
      if (type === undefined)
        throw new DatasetError(
          'unknown-column',
          `feature \`${name}\` is not in view \`${view.name}\` (\`${id}\`); it has ${[...types.keys()].join(', ')}`,
          name,
        );
      if (spineColumns.has(name) || features.some((f) => f.name === name))
        throw new DatasetError(
          'unknown-column',
          `feature \`${name}\` of \`${id}\` clashes with a spine column or another view's feature; request it once`,
          name,
        );
      features.push({ name, view: view.name, type: signatureType(type) });
    }
    views.push({
      table,
      features: ref.features,
      ...(ref.snapshotId !== undefined ? { snapshotId: BigInt(ref.snapshotId) } : {}),
    });
  }
  const frame = await getHistoricalFeatures(env, {
    spine: { kind: 'relation', relation: spine.relation },
    keys: valid.spine.keys,
    timestampColumn: valid.spine.timestampColumn,
    views,
    naming: 'plain',
  });
  for (const s of frame.sources) {
    sources.push({
      kind: 'feature-view',
      name: s.view,
      version: s.version,
      table: s.table,
      snapshotId: s.snapshotId === undefined ? null : String(s.snapshotId),
    });
  }
  const rows = frame.table.numRows;
  if (rows === 0)
    throw new DatasetError(
      'empty-split',
      `the spine \`${spine.source.table}\` has no rows${rangeText(valid.spine)}; widen from/to or run the label job`,
    );
  const child = (name: string): FrameVector => {
    const vector = frame.table.getChild(name);
    if (!vector) throw new DatasetError('unknown-column', `the joined frame has no column \`${name}\``, name);
    return vector;
  };
  const keyColumns = valid.spine.keys.map((key) => readStringFrameColumn(child(key)));
  const entities = Array.from({ length: rows }, (_, i) => keyColumns.map((c) => c[i]).join('|'));
  const timestamps = readNumericFrameColumn(child(valid.spine.timestampColumn));
  const labels = readLabels(readNumericFrameColumn(child(valid.spine.label)), valid.spine.label);
  const columns: Record<string, Float64Array | (string | null)[]> = {};
  for (const feature of features) {
    columns[feature.name] =
      feature.type === 'string'
        ? readStringFrameColumn(child(feature.name))
        : readNumericFrameColumn(child(feature.name));
  }
  return {
    rows,
    entities,
    timestamps,
    labels,
    columns,
    features,
    featureRefs: features.map((f) => `${f.view}:${f.name}`),
    sources,
    spineHash: hashSpine({ entities, timestamps, labels }),
  };
}

async function resolveSpine(
  env: TableEnv,
  spine: SpineSpec,
): Promise<{ relation: string; source: DatasetSource }> {
  let from: string;
  let source: DatasetSource;
  if (spine.kind === 'table') {
    const table = await loadTable(env, spine.table);
    const pinned = await snapshotRelation(table, {
      ...(spine.snapshotId !== undefined ? { snapshotId: BigInt(spine.snapshotId) } : {}),
    });
    from = pinned.relation;
    const id = `${spine.table.namespace}.${spine.table.name}`;
    source = {
      kind: 'table',
      name: id,
      table: id,
      snapshotId: pinned.snapshotId === undefined ? null : String(pinned.snapshotId),
    };
  } else {
    from = spine.relation;
    source = { kind: 'table', name: spine.name, table: spine.name, snapshotId: null };
  }
  const ts = q(spine.timestampColumn);
  const where = [
    ...(spine.from ? [`CAST(${ts} AS DATE) >= DATE '${spine.from}'`] : []),
    ...(spine.to ? [`CAST(${ts} AS DATE) <= DATE '${spine.to}'`] : []),
  ];
  const keys = spine.keys.map(q).join(', ');
  const relation = `(SELECT ${keys}, ${ts}, ${q(spine.label)} FROM ${from} AS __spine${
    where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''
  } ORDER BY ${ts}, ${keys})`;
  return { relation, source };
}

function readLabels(values: Float64Array, column: string): Uint8Array {
  const labels = new Uint8Array(values.length);
  let positives = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v !== 0 && v !== 1)
      throw new DatasetError(
        'missing-label',
        `label \`${column}\` is ${Number.isNaN(v) ? 'null' : v} at spine row ${i}; every row needs a 0/1 (or boolean) label: filter unlabelled rows out of the spine`,
        column,
      );
    labels[i] = v;
    positives += v;
  }
  if (positives === 0 || positives === values.length)
    throw new DatasetError(
      'constant-label',
      `label \`${column}\` is ${positives === 0 ? 0 : 1} on all ${values.length} spine rows; a classifier needs both classes: widen the spine`,
      column,
    );
  return labels;
}

function signatureType(type: FeatureType): DatasetFeatureType {
  if (type === 'string') return 'string';
  if (type === 'boolean') return 'bool';
  if (type === 'int' || type === 'long') return 'int';
  return 'float';
}

function rangeText(spine: SpineSpec): string {
  if (!spine.from && !spine.to) return '';
  return ` between ${spine.from ?? 'the start'} and ${spine.to ?? 'the end'}`;
}

import type { ModelVersion, SegmentMetrics } from '../records/model-version.js';
import type { TensorSpec } from '../records/signature.js';
import { markdownTable } from './markdown-table.js';

/** Path of the generated card among a version's artifacts. */
export const MODEL_CARD_PATH = 'model-card.md';

/**
 * Renders the model card (markdown) of a record: purpose, signature, metrics (overall and per segment),
 * lineage, training parameters, runtime and the checksum of every other artifact. Pure: the same record
 * always gives the same text.
 */
export function generateModelCard(record: ModelVersion): string {
  const { lineage } = record;
  const sections = [
    `# ${record.name}, version ${record.version}`,
    `Registered ${new Date(record.createdAtMs).toISOString()} by run \`${lineage.runId}\` on the \`${lineage.backend}\` backend.`,
    '## Purpose',
    record.description.trim() === ''
      ? '_No description was given at registration._'
      : record.description.trim(),
    ...tagLines(record.tags),
    '## Signature',
    '### Inputs',
    specTable(record.signature.inputs),
    '### Outputs',
    specTable(record.signature.outputs),
    '## Metrics',
    metricsSection(record.metrics),
    ...segmentSections(record.segmentMetrics),
    '## Lineage',
    ...lineageSections(record),
    '## Training parameters',
    paramsSection(record.params),
    '## Runtime',
    runtimeSection(record),
    '## Files',
    filesSection(record),
  ];
  return `${sections.join('\n\n')}\n`;
}

function tagLines(tags: Record<string, string>): string[] {
  const entries = Object.entries(tags).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (entries.length === 0) return [];
  return [`Tags: ${entries.map(([key, value]) => `\`${key}=${value}\``).join(', ')}`];
}

function specTable(specs: readonly TensorSpec[]): string {
  return markdownTable(
    ['name', 'type', 'shape', 'required', 'description'],
    specs.map((spec) => [
      `\`${spec.name}\``,
      spec.type,
      spec.shape === undefined ? 'scalar' : `[${spec.shape.join(', ')}]`,
      spec.required ? 'yes' : 'no',
      spec.description ?? '',
    ]),
  );
}

function metricsSection(metrics: Record<string, number>): string {
  const names = sortedKeys(metrics);
  if (names.length === 0) return '_No metrics were recorded._';
  return markdownTable(
    ['metric', 'value'],
    names.map((name) => [name, formatNumber(metrics[name] as number)]),
  );
}

function segmentSections(segments: readonly SegmentMetrics[]): string[] {
  const columns = [...new Set(segments.map((s) => s.column))];
  return columns.flatMap((column) => {
    const rows = segments.filter((s) => s.column === column);
    const metricNames = [...new Set(rows.flatMap((s) => Object.keys(s.metrics)))].sort();
    return [
      `### Metrics by \`${column}\``,
      markdownTable(
        ['segment', 'rows', ...metricNames],
        rows.map((s) => [
          s.segment,
          s.count === undefined ? '' : String(s.count),
          ...metricNames.map((name) => {
            const value = s.metrics[name];
            return value === undefined ? '' : formatNumber(value);
          }),
        ]),
      ),
    ];
  });
}

function lineageSections(record: ModelVersion): string[] {
  const { lineage } = record;
  const sources =
    lineage.sources.length === 0
      ? '_No source tables were recorded._'
      : markdownTable(
          ['source', 'kind', 'table', 'snapshot id'],
          lineage.sources.map((s) => [
            s.version === undefined ? s.name : `${s.name} (v${s.version})`,
            s.kind,
            `\`${s.table}\``,
            s.snapshotId ?? 'empty table',
          ]),
        );
  const facts = [
    `- Spine hash: \`${lineage.spineHash}\``,
    `- Git commit: ${lineage.gitCommit === undefined ? 'not recorded' : `\`${lineage.gitCommit}\``}`,
    `- Training run: \`${lineage.runId}\``,
  ];
  if (lineage.features.length > 0) {
    facts.push(
      `- Features (${lineage.features.length}): ${lineage.features.map((f) => `\`${f}\``).join(', ')}`,
    );
  }
  return [sources, facts.join('\n')];
}

function paramsSection(params: Record<string, unknown>): string {
  const names = sortedKeys(params);
  if (names.length === 0) return '_No parameters were recorded._';
  return markdownTable(
    ['parameter', 'value'],
    names.map((name) => {
      const value = params[name];
      return [name, typeof value === 'string' ? value : `\`${JSON.stringify(value)}\``];
    }),
  );
}

function runtimeSection(record: ModelVersion): string {
  const libraries = sortedKeys(record.lineage.libraryVersions);
  const backend = `Backend: \`${record.lineage.backend}\``;
  if (libraries.length === 0) return backend;
  return `${backend}\n\n${markdownTable(
    ['library', 'version'],
    libraries.map((name) => [name, record.lineage.libraryVersions[name] as string]),
  )}`;
}

function filesSection(record: ModelVersion): string {
  const files = record.artifacts.filter((a) => a.path !== MODEL_CARD_PATH);
  return `sha256 of every file, checked when the model is loaded (this card is checksummed in \`version.json\`).\n\n${markdownTable(
    ['file', 'bytes', 'sha256'],
    files.map((a) => [`\`${a.path}\``, String(a.size), `\`${a.sha256}\``]),
  )}`;
}

function sortedKeys(record: Record<string, unknown>): string[] {
  return Object.keys(record).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Six significant digits, without exponent noise for ordinary values (`0.812346`, `1200`). */
function formatNumber(value: number): string {
  return String(Number(value.toPrecision(6)));
}

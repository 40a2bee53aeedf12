import { escapeHtml } from './escape-html.js';
import { formatNumber } from './format-number.js';
import type { MonitoringReport } from './monitoring-report.js';
import { renderDistributionSvg } from './render-distribution-svg.js';
import { renderTrendSvg } from './render-trend-svg.js';

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#111827;background:#f9fafb}
main{max-width:1180px;margin:0 auto;padding:24px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #e5e7eb;padding-bottom:4px}
.meta{color:#4b5563}.cards{display:flex;flex-wrap:wrap;gap:12px;margin:16px 0}
.card{background:#fff;border:1px solid #e5e7eb;border-radius:8px;padding:10px 14px;min-width:150px}
.card b{display:block;font-size:20px}.bad{color:#b91c1c}.ok{color:#047857}.warn{color:#b45309}
table{border-collapse:collapse;background:#fff;width:100%;font-size:13px}
th,td{border:1px solid #e5e7eb;padding:4px 8px;text-align:left}th{background:#f3f4f6}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(380px,1fr));gap:12px}
figure{background:#fff;border:1px solid #e5e7eb;border-radius:8px;margin:0;padding:8px}
figcaption{font-weight:600;margin-bottom:4px}ul{margin:4px 0}
`;

/**
 * Renders a report as one self-contained HTML page readable offline: inline CSS and inline SVG charts, no
 * script, no external URL. Sections: summary cards, drift table, per-feature distributions (reference
 * against current), data quality, performance, fairness, trends over past runs, deliveries and warnings.
 */
export function renderHtmlReport(report: MonitoringReport): string {
  const title = `Monitoring report · ${report.labels.job ?? 'fti'} · ${report.runAt.slice(0, 10)}`;
  const { dataset } = report.drift;
  const cards = [
    card('Dataset drift', dataset.datasetDrift ? 'DRIFT' : 'no drift', dataset.datasetDrift ? 'bad' : 'ok'),
    card(
      'Drifted columns',
      `${dataset.driftedColumns} / ${dataset.evaluatedColumns}`,
      dataset.share > 0 ? 'warn' : 'ok',
    ),
    card(
      'Quality issues',
      String(report.quality.issues.length),
      report.quality.issues.length ? 'warn' : 'ok',
    ),
    card(
      'Volume',
      report.quality.volume.ratio === null ? '—' : `${report.quality.volume.ratio.toFixed(2)}×`,
      report.quality.volume.flagged ? 'bad' : 'ok',
    ),
    card(
      'Performance',
      report.performance ? (report.performance.degraded ? 'degraded' : 'holds') : 'no labels',
      report.performance?.degraded ? 'bad' : 'ok',
    ),
    card('Retrain', report.retrain.fire ? 'yes' : 'no', report.retrain.fire ? 'bad' : 'ok'),
  ];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${CSS}</style></head>
<body><main>
<h1>${escapeHtml(title)}</h1>
<div class="meta">run ${escapeHtml(report.runId)} · reference: ${escapeHtml(report.reference.description)} (${report.reference.rows} rows${referenceProfileNote(report)}) · current: ${escapeHtml(report.current.description)} (${report.current.rows} rows)</div>
<div class="cards">${cards.join('')}</div>
${report.retrain.reasons.length ? `<p class="bad">Retraining: ${escapeHtml(report.retrain.reasons.join('; '))}</p>` : ''}
<h2>Drift</h2>${driftTable(report)}
<h2>Distributions: reference against current</h2>
<div class="grid">${report.distributions.map((d) => `<figure><figcaption>${escapeHtml(d.column)}</figcaption>${renderDistributionSvg(d)}</figure>`).join('')}</div>
<h2>Data quality</h2>${qualitySection(report)}
<h2>Performance</h2>${performanceSection(report)}
${report.fairness ? `<h2>Fairness: ${escapeHtml(report.fairness.column)}</h2>${fairnessSection(report)}` : ''}
<h2>Trends over runs</h2>${trendSection(report)}
<h2>Deliveries</h2>${table(
    ['target', 'status', 'attempts', 'detail'],
    report.deliveries.map((d) => [d.target, d.status, String(d.attempts), d.detail]),
  )}
${report.warnings.length ? `<h2>Warnings</h2><ul>${report.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul>` : ''}
</main></body></html>
`;
}

function card(label: string, value: string, tone: 'ok' | 'warn' | 'bad'): string {
  return `<div class="card">${escapeHtml(label)}<b class="${tone}">${escapeHtml(value)}</b></div>`;
}

function table(head: string[], rows: string[][], numeric: number[] = []): string {
  if (rows.length === 0) return '<p class="meta">none</p>';
  const th = head.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = rows
    .map(
      (r) =>
        `<tr>${r.map((c, i) => `<td${numeric.includes(i) ? ' class="num"' : ''}>${escapeHtml(c)}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<table><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

function driftTable(report: MonitoringReport): string {
  return table(
    ['column', 'type', 'method', 'score', 'threshold', 'drifted', 'status', 'ref rows', 'cur rows'],
    report.drift.columns.map((c) => [
      c.column,
      c.columnType,
      c.method ?? '—',
      formatNumber(c.score),
      formatNumber(c.threshold),
      c.drifted ? 'YES' : 'no',
      c.status,
      String(c.reference.count),
      String(c.current.count),
    ]),
    [3, 4, 7, 8],
  );
}

function qualitySection(report: MonitoringReport): string {
  const q = report.quality;
  const issues = q.issues.length
    ? `<ul>${q.issues.map((i) => `<li class="warn">${escapeHtml(i)}</li>`).join('')}</ul>`
    : '<p class="ok">no issues</p>';
  const fresh = q.freshness
    ? `<p>Newest feature time ${escapeHtml(q.freshness.latest ?? 'none')}, ${formatNumber(q.freshness.ageHours)} h before the run (limit ${q.freshness.maxAgeHours} h).</p>`
    : '';
  return (
    issues +
    fresh +
    table(
      ['column', 'missing', 'out of range', 'unseen categories', 'issues'],
      q.columns.map((c) => [
        c.column,
        `${(c.missingShare * 100).toFixed(1)}%`,
        c.columnType === 'numeric' ? `${c.outOfRangeCount} (${(c.outOfRangeShare * 100).toFixed(1)}%)` : '—',
        c.columnType === 'categorical' ? c.unseenCategories.slice(0, 5).join(', ') || 'none' : '—',
        c.issues.join('; '),
      ]),
      [1, 2],
    )
  );
}

function performanceSection(report: MonitoringReport): string {
  const p = report.performance;
  if (!p) return '<p class="meta">No labelled predictions in this window.</p>';
  return (
    `<p>${p.labelledRows} labelled predictions (${p.unlabelledRows} still without a label).</p>` +
    table(
      ['metric', 'current', 'registered', 'drop', 'limit', 'degraded'],
      p.comparisons.map((c) => [
        c.metric,
        formatNumber(c.current),
        formatNumber(c.baseline),
        formatNumber(c.drop),
        `${formatNumber(c.rule.maxDrop)} ${c.rule.kind}`,
        c.degraded ? 'YES' : 'no',
      ]),
      [1, 2, 3],
    )
  );
}

function fairnessSection(report: MonitoringReport): string {
  const f = report.fairness!;
  return (
    table(
      [
        'demographic parity diff.',
        'equal opportunity diff.',
        'equalized odds diff.',
        'disparate impact',
        'four-fifths rule',
      ],
      [
        [
          formatNumber(f.demographicParityDifference),
          formatNumber(f.equalOpportunityDifference),
          formatNumber(f.equalizedOddsDifference),
          formatNumber(f.disparateImpactRatio),
          f.fourFifthsRulePassed ? 'passed' : 'FAILED',
        ],
      ],
    ) +
    table(
      ['group', 'rows', 'selection rate', 'TPR', 'FPR', 'mean predicted', 'observed'],
      f.groups.map((g) => {
        const cal = f.calibration?.find((c) => c.group === g.group);
        return [
          g.group,
          String(g.rows),
          formatNumber(g.selectionRate),
          formatNumber(g.truePositiveRate),
          formatNumber(g.falsePositiveRate),
          formatNumber(cal?.meanPredicted),
          formatNumber(cal?.observedRate ?? g.positiveRate),
        ];
      }),
      [1, 2, 3, 4, 5, 6],
    )
  );
}

function trendSection(report: MonitoringReport): string {
  const label = (runAt: string) => runAt.slice(0, 10);
  const charts = [
    renderTrendSvg({
      title: 'share of drifted columns',
      unit: true,
      points: report.trend.map((r) => ({ label: label(r.runAt), value: r.datasetDriftShare })),
    }),
    renderTrendSvg({
      title: 'rows in the current window',
      points: report.trend.map((r) => ({ label: label(r.runAt), value: r.currentRows })),
    }),
    renderTrendSvg({
      title: 'data-quality issues',
      points: report.trend.map((r) => ({ label: label(r.runAt), value: r.qualityIssues })),
    }),
  ];
  const metricNames = [...new Set(report.trend.flatMap((r) => Object.keys(r.metrics)))].sort();
  for (const metric of metricNames) {
    charts.push(
      renderTrendSvg({
        title: metric,
        points: report.trend.map((r) => ({ label: label(r.runAt), value: r.metrics[metric] ?? null })),
      }),
    );
  }
  return `<div class="grid">${charts.map((c) => `<figure>${c}</figure>`).join('')}</div>`;
}

/** For a model reference: whether the stored profile of its recorded training set was reused or built. */
function referenceProfileNote(report: MonitoringReport): string {
  const model = report.reference.model;
  if (!model) return '';
  return `, ${model.reused ? 'stored profile reused' : 'profiled and stored'} for ${escapeHtml(model.model)} version ${model.version}`;
}

import type { MonitoringReport } from './monitoring-report.js';

/**
 * Renders a report's numbers in the Prometheus text exposition format (version 0.0.4), one `# HELP` and
 * `# TYPE gauge` block per metric family, label values escaped; readable by node-exporter's textfile
 * collector and by a Pushgateway. Every metric carries the report's `labels` (e.g. `job`) except that the
 * Pushgateway sets `job` itself from the URL, so `job` is left out when `forPush` is set. Null values are
 * omitted (a missing sample, not NaN).
 */
export function renderPrometheus(report: MonitoringReport, options: { forPush?: boolean } = {}): string {
  const base = Object.entries(report.labels).filter(([k]) => !(options.forPush && k === 'job'));
  const families: {
    name: string;
    help: string;
    samples: { labels: [string, string][]; value: number | null }[];
  }[] = [
    {
      name: 'fti_drift_score',
      help: 'Drift score per feature: the p-value for tests, the distance for distances.',
      samples: report.drift.columns.map((c) => ({
        labels: [
          ['feature', c.column],
          ['method', c.method ?? 'none'],
        ],
        value: c.score,
      })),
    },
    {
      name: 'fti_drift_detected',
      help: 'Whether a feature drifted (1) or not (0).',
      samples: report.drift.columns.map((c) => ({
        labels: [['feature', c.column]],
        value: c.drifted ? 1 : 0,
      })),
    },
    {
      name: 'fti_dataset_drift_share',
      help: 'Share of evaluated features that drifted.',
      samples: [{ labels: [], value: report.drift.dataset.share }],
    },
    {
      name: 'fti_dataset_drift',
      help: 'Whether the dataset drifted (share at or above the drift share).',
      samples: [{ labels: [], value: report.drift.dataset.datasetDrift ? 1 : 0 }],
    },
    {
      name: 'fti_missing_share',
      help: 'Share of missing values per feature in the current window.',
      samples: report.quality.columns.map((c) => ({
        labels: [['feature', c.column]],
        value: c.missingShare,
      })),
    },
    {
      name: 'fti_quality_issues',
      help: 'Number of data-quality issues in the run.',
      samples: [{ labels: [], value: report.quality.issues.length }],
    },
    {
      name: 'fti_current_rows',
      help: 'Rows in the current window.',
      samples: [{ labels: [], value: report.current.rows }],
    },
    {
      name: 'fti_volume_ratio',
      help: 'Rows of the current window over the reference (per day of window when known).',
      samples: [{ labels: [], value: report.quality.volume.ratio }],
    },
    {
      name: 'fti_model_metric',
      help: 'Model performance metric on labelled predictions.',
      samples: Object.entries(report.performance?.metrics ?? {}).map(([metric, value]) => ({
        labels: [['metric', metric]],
        value: value ?? null,
      })),
    },
    {
      name: 'fti_model_degraded',
      help: 'Whether a performance metric degraded beyond its limit.',
      samples: report.performance ? [{ labels: [], value: report.performance.degraded ? 1 : 0 }] : [],
    },
    {
      name: 'fti_retrain_recommended',
      help: 'Whether the retraining policy fired.',
      samples: [{ labels: [], value: report.retrain.fire ? 1 : 0 }],
    },
    {
      name: 'fti_monitoring_run_timestamp_seconds',
      help: 'Unix time of the monitoring run.',
      samples: [{ labels: [], value: Date.parse(report.runAt) / 1000 }],
    },
  ];
  const lines: string[] = [];
  for (const family of families) {
    const samples = family.samples.filter((s) => s.value !== null && Number.isFinite(s.value));
    if (samples.length === 0) continue;
    lines.push(`# HELP ${family.name} ${family.help}`, `# TYPE ${family.name} gauge`);
    for (const sample of samples) {
      const labels = [...base, ...sample.labels];
      const text = labels.length ? `{${labels.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',')}}` : '';
      lines.push(`${family.name}${text} ${formatValue(sample.value!)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function escapeLabel(value: string): string {
  return value.replaceAll('\\', '\\\\').replaceAll('\n', '\\n').replaceAll('"', '\\"');
}

function formatValue(x: number): string {
  return String(x);
}

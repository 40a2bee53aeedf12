import type { TrainingEvent } from '@fti/training-pipeline';

const fixed = (value: number | null, digits = 4) => (value === null ? '—' : value.toFixed(digits));

/** Formats a parameter set compactly: `lr=0.0021 hiddenLayers=[64,32]`. */
export function formatParams(params: Record<string, unknown>): string {
  return Object.entries(params)
    .map(([path, value]) => {
      const name = path.split('.').at(-1);
      const text =
        typeof value === 'number'
          ? Number.isInteger(value)
            ? String(value)
            : value.toPrecision(3)
          : JSON.stringify(value);
      return `${name}=${text}`;
    })
    .join(' ');
}

/** One progress line per event (epochs only when `verbose`); undefined for events not printed. */
export function formatTrainingEvent(
  event: TrainingEvent,
  options: { verbose?: boolean } = {},
): string | undefined {
  switch (event.kind) {
    case 'dataset':
      return (
        `dataset: ${event.rows} rows (${event.train} train, ${event.tuning} tuning, ${event.validation} validation), ` +
        `${(event.positiveRate * 100).toFixed(1)} % positive, spine ${event.spineHash.slice(0, 12)}, read at ` +
        event.sources.map((s) => `${s.table}@${s.snapshotId}`).join(', ')
      );
    case 'plan':
      return `plan: ${event.rungs.map((r) => `${r.trials} trial(s) to ${r.epochs} epochs`).join(', then ')}`;
    case 'epoch':
      return options.verbose
        ? `  trial ${event.trial} epoch ${event.epoch}: loss ${fixed(event.loss)}, val loss ${fixed(event.valLoss)}, val ROC AUC ${fixed(event.valRocAuc)}`
        : undefined;
    case 'trial':
      return `trial ${event.trial} rung ${event.rung} (${event.epochs} epochs): tuning ROC AUC ${fixed(event.metric)}  ${formatParams(event.params)}`;
    case 'evaluated':
      return `validation: ROC AUC ${fixed(event.metrics.roc_auc ?? null)}, PR AUC ${fixed(event.metrics.pr_auc ?? null)}, log loss ${fixed(event.metrics.log_loss ?? null)}, F1 ${fixed(event.metrics.f1 ?? null)} at threshold ${fixed(event.metrics.threshold ?? null, 3)}`;
    case 'registered':
      return `registered ${event.name} version ${event.version}`;
    case 'promoted':
      return event.passed
        ? `gate passed: ${event.alias} → this version`
        : `gate refused (${event.alias} unchanged): ${event.reasons.join('; ')}`;
  }
}

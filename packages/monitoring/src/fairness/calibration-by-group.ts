/** One probability bin of a group's calibration curve (sklearn `calibration_curve`, uniform strategy). */
export interface CalibrationBin {
  /** Bin bounds; the last bin includes 1. */
  lower: number;
  upper: number;
  rows: number;
  meanPredicted: number;
  observedRate: number;
}

/** Calibration of one group: mean predicted probability against the observed positive rate, overall and per bin. */
export interface GroupCalibration {
  group: string;
  rows: number;
  meanPredicted: number;
  observedRate: number;
  /** observedRate − meanPredicted: positive when the model under-predicts the group. */
  gap: number;
  /** Non-empty bins only, as sklearn returns them. */
  bins: CalibrationBin[];
}

/**
 * Per-group calibration with `bins` equal-width probability bins over [0, 1] (default 10), binned exactly as
 * sklearn 1.2 `calibration_curve(strategy='uniform')` does: edges `linspace(0, 1 + 1e-8, bins + 1)` and
 * `searchsorted` on the inner edges, so a probability on an edge (0.2 of 5 bins) falls in the lower bin.
 * Rows with a null group are skipped.
 */
export function computeCalibrationByGroup(options: {
  groups: readonly (string | null)[];
  actual: Float64Array;
  probabilities: Float64Array;
  bins?: number;
}): GroupCalibration[] {
  const binCount = options.bins ?? 10;
  const step = (1 + 1e-8) / binCount;
  const inner = Array.from({ length: binCount - 1 }, (_, k) => (k + 1) * step);
  const byGroup = new Map<string, { rows: Float64Array; predicted: Float64Array; positives: Float64Array }>();
  for (let i = 0; i < options.groups.length; i++) {
    const group = options.groups[i];
    if (group === null || group === undefined) continue;
    let g = byGroup.get(group);
    if (!g) {
      g = {
        rows: new Float64Array(binCount),
        predicted: new Float64Array(binCount),
        positives: new Float64Array(binCount),
      };
      byGroup.set(group, g);
    }
    const p = options.probabilities[i]!;
    let bin = 0;
    while (bin < inner.length && inner[bin]! < p) bin++;
    g.rows[bin]! += 1;
    g.predicted[bin]! += p;
    g.positives[bin]! += options.actual[i]!;
  }
  return [...byGroup.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([group, g]) => {
      let rows = 0;
      let predicted = 0;
      let positives = 0;
      const bins: CalibrationBin[] = [];
      for (let b = 0; b < binCount; b++) {
        const n = g.rows[b]!;
        rows += n;
        predicted += g.predicted[b]!;
        positives += g.positives[b]!;
        if (n > 0) {
          bins.push({
            lower: b / binCount,
            upper: (b + 1) / binCount,
            rows: n,
            meanPredicted: g.predicted[b]! / n,
            observedRate: g.positives[b]! / n,
          });
        }
      }
      const meanPredicted = predicted / rows;
      const observedRate = positives / rows;
      return { group, rows, meanPredicted, observedRate, gap: observedRate - meanPredicted, bins };
    });
}

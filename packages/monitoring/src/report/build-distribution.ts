import type { CurrentColumn } from '../drift/compute-drift.js';
import type { ColumnProfile } from '../profile/serialize-profile.js';
import type { Distribution } from './monitoring-report.js';

const MAX_CATEGORIES = 20;

/**
 * Bins a current column like its reference profile for plotting: numeric values into the reference
 * histogram's bins (values outside its range counted below/above), categories by name (the 20 most frequent
 * of both sides kept, the rest summed).
 */
export function buildDistribution(options: {
  column: string;
  profile: ColumnProfile;
  current: CurrentColumn;
}): Distribution {
  const { column, profile, current } = options;
  if (profile.kind === 'numeric' && current instanceof Float64Array) {
    const edges = profile.histogram.edges;
    const counts = new Array<number>(Math.max(0, edges.length - 1)).fill(0);
    let below = 0;
    let above = 0;
    const first = edges[0] ?? 0;
    const last = edges[edges.length - 1] ?? 0;
    for (let i = 0; i < current.length; i++) {
      const v = current[i]!;
      if (!Number.isFinite(v)) continue;
      if (counts.length === 0 || v < first) below++;
      else if (v > last) above++;
      else counts[binOf(edges, v)]! += 1;
    }
    return {
      column,
      kind: 'numeric',
      edges: [...edges],
      reference: [...profile.histogram.counts],
      current: counts,
      below,
      above,
    };
  }
  const reference = new Map<string, number>();
  if (profile.kind === 'categorical') {
    for (let i = 0; i < profile.categories.length; i++)
      reference.set(profile.categories[i]!, profile.counts[i]!);
  }
  const currentCounts = new Map<string, number>();
  if (!(current instanceof Float64Array)) {
    const perCode = new Float64Array(current.dictionary.length);
    for (const code of current.codes) if (code >= 0 && code < perCode.length) perCode[code]! += 1;
    current.dictionary.forEach((name, c) => {
      if (perCode[c]! > 0) currentCounts.set(name, (currentCounts.get(name) ?? 0) + perCode[c]!);
    });
  }
  const all = new Set([...reference.keys(), ...currentCounts.keys()]);
  const ranked = [...all].sort(
    (a, b) =>
      (reference.get(b) ?? 0) +
        (currentCounts.get(b) ?? 0) -
        (reference.get(a) ?? 0) -
        (currentCounts.get(a) ?? 0) || (a < b ? -1 : 1),
  );
  const categories = ranked.slice(0, MAX_CATEGORIES);
  const rest = ranked.slice(MAX_CATEGORIES);
  return {
    column,
    kind: 'categorical',
    categories,
    reference: categories.map((c) => reference.get(c) ?? 0),
    current: categories.map((c) => currentCounts.get(c) ?? 0),
    other: {
      reference: rest.reduce((s, c) => s + (reference.get(c) ?? 0), 0),
      current: rest.reduce((s, c) => s + (currentCounts.get(c) ?? 0), 0),
    },
  };
}

/** Index of the bin holding v (edges ascending, v within [first, last]; the last bin is closed). */
function binOf(edges: Float64Array, v: number): number {
  let lo = 0;
  let hi = edges.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (edges[mid]! <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

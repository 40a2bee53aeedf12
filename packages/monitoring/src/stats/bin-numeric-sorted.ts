import { InvalidStatisticInputError } from '../errors.js';
import { countPerValueSorted } from './count-per-value-sorted.js';
import { countSortedInBins } from './count-sorted-in-bins.js';
import { histogramBinEdges } from './histogram-bin-edges.js';
import { type BinnedCounts, EVIDENTLY_MAX_VALUE_BINS, type NumericBinning } from './numeric-binning.js';
import { quantileSorted } from './quantile-sorted.js';

/** Options of {@link binNumericSorted}. */
export interface BinNumericOptions {
  /** Default `{ kind: 'evidently' }`. */
  binning?: NumericBinning;
  /** True reference size when `reference` is a down-sampled profile; default `reference.length`. */
  referenceCount?: number;
  /** Distinct values in the full reference; default counted from `reference`. */
  referenceUniqueCount?: number;
}

/**
 * Counts two ascending, NaN-free samples in shared bins (see {@link NumericBinning}) by binary search or one
 * merge pass; no pass over unsorted data.
 */
export function binNumericSorted(
  reference: Float64Array,
  current: Float64Array,
  options: BinNumericOptions = {},
): BinnedCounts {
  const binning = options.binning ?? { kind: 'evidently' };
  const referenceCount = options.referenceCount ?? reference.length;
  const scale = reference.length === 0 ? 1 : referenceCount / reference.length;
  let edges: Float64Array;
  if (binning.kind === 'evidently') {
    const unique = options.referenceUniqueCount ?? countDistinct(reference);
    if (unique <= EVIDENTLY_MAX_VALUE_BINS) return countPerValueSorted(reference, current, scale);
    const min = Math.min(reference[0]!, current.length ? current[0]! : Number.POSITIVE_INFINITY);
    const max = Math.max(
      reference[reference.length - 1]!,
      current.length ? current[current.length - 1]! : -Infinity,
    );
    edges = histogramBinEdges(min, max, referenceCount + current.length);
  } else if (binning.kind === 'quantile') {
    const bins = binning.bins ?? 10;
    if (!Number.isInteger(bins) || bins < 1)
      throw new InvalidStatisticInputError('binning.bins', 'must be an integer ≥ 1');
    const inner: number[] = [];
    for (let i = 1; i < bins; i++) {
      const q = quantileSorted(reference, i / bins);
      if (inner.length === 0 || q > inner[inner.length - 1]!) inner.push(q);
    }
    edges = Float64Array.from([Number.NEGATIVE_INFINITY, ...inner, Number.POSITIVE_INFINITY]);
  } else {
    edges = binning.edges;
    for (let i = 1; i < edges.length; i++) {
      if (!(edges[i]! > edges[i - 1]!))
        throw new InvalidStatisticInputError('binning.edges', 'must be strictly ascending');
    }
  }
  const ref = countSortedInBins(reference, edges);
  if (scale !== 1) for (let i = 0; i < ref.length; i++) ref[i] = ref[i]! * scale;
  return { reference: ref, current: countSortedInBins(current, edges), edges, values: null };
}

function countDistinct(sorted: Float64Array): number {
  let count = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) count++;
  return count;
}

import type { CategoricalProfile } from './categorical-profile.js';
import { decodeFloat64, type EncodedFloat64, encodeFloat64 } from './encoded-float64.js';
import type { NumericProfile } from './numeric-profile.js';

/** A reference column profile of either kind. */
export type ColumnProfile = NumericProfile | CategoricalProfile;

/** JSON-safe form of a {@link ColumnProfile}: typed arrays become {@link EncodedFloat64}, non-finite numbers strings. */
export type SerializedColumnProfile =
  | (Omit<NumericProfile, 'sorted' | 'histogram' | 'min' | 'max' | 'mean' | 'std' | 'quantiles'> & {
      quantiles: { probabilities: number[]; values: (number | null)[] };
      min: number | null;
      max: number | null;
      mean: number | null;
      std: number | null;
      sorted: EncodedFloat64;
      histogram: { edges: EncodedFloat64; counts: EncodedFloat64 };
    })
  | (Omit<CategoricalProfile, 'counts'> & { counts: EncodedFloat64 });

/** Turns a profile into plain JSON data (store it next to the model; `parseProfile` reverses it exactly). */
export function serializeProfile(profile: ColumnProfile): SerializedColumnProfile {
  if (profile.kind === 'categorical') return { ...profile, counts: encodeFloat64(profile.counts) };
  return {
    ...profile,
    min: finiteOrNull(profile.min),
    max: finiteOrNull(profile.max),
    mean: finiteOrNull(profile.mean),
    std: finiteOrNull(profile.std),
    quantiles: {
      probabilities: profile.quantiles.probabilities,
      values: profile.quantiles.values.map(finiteOrNull),
    },
    sorted: encodeFloat64(profile.sorted),
    histogram: {
      edges: encodeFloat64(profile.histogram.edges),
      counts: encodeFloat64(profile.histogram.counts),
    },
  };
}

/** Restores a profile written by {@link serializeProfile}, bit-for-bit. */
export function parseProfile(data: SerializedColumnProfile): ColumnProfile {
  if (data.kind === 'categorical') return { ...data, counts: decodeFloat64(data.counts) };
  return {
    ...data,
    min: data.min ?? Number.NaN,
    max: data.max ?? Number.NaN,
    mean: data.mean ?? Number.NaN,
    std: data.std ?? Number.NaN,
    quantiles: {
      probabilities: data.quantiles.probabilities,
      values: data.quantiles.values.map((v) => v ?? Number.NaN),
    },
    sorted: decodeFloat64(data.sorted),
    histogram: { edges: decodeFloat64(data.histogram.edges), counts: decodeFloat64(data.histogram.counts) },
  };
}

function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

import type { CurrentColumn } from '../drift/compute-drift.js';
import type { ColumnProfile } from '../profile/serialize-profile.js';
import type { ColumnQuality } from './data-quality.js';
import { DEFAULT_QUALITY_THRESHOLDS, type QualityThresholds } from './quality-thresholds.js';

/**
 * Checks one current column against its reference profile: missing share, numeric values outside the
 * reference [min, max], categories the reference never had. Shares of an empty window are 0, never NaN.
 */
export function checkColumnQuality(options: {
  column: string;
  profile: ColumnProfile;
  current: CurrentColumn;
  /** Default {@link DEFAULT_QUALITY_THRESHOLDS}. */
  thresholds?: QualityThresholds;
}): ColumnQuality {
  const limits = { ...DEFAULT_QUALITY_THRESHOLDS, ...options.thresholds };
  const { column, profile, current } = options;
  const result: ColumnQuality =
    current instanceof Float64Array
      ? numericQuality(column, profile, current)
      : categoricalQuality(column, profile, current.codes, current.dictionary);
  if (result.missingShare > limits.maxMissingShare) {
    result.issues.push(`${share(result.missingShare)} missing (limit ${share(limits.maxMissingShare)})`);
  }
  if (result.outOfRangeShare > limits.maxOutOfRangeShare) {
    result.issues.push(
      `${result.outOfRangeCount} values (${share(result.outOfRangeShare)}) outside the reference range ` +
        `(limit ${share(limits.maxOutOfRangeShare)})`,
    );
  }
  if (result.unseenShare > limits.maxUnseenShare) {
    const sample = result.unseenCategories.slice(0, 5).join(', ');
    result.issues.push(
      `${result.unseenCategories.length} unseen categories (${sample}${result.unseenCategories.length > 5 ? ', …' : ''}) ` +
        `in ${share(result.unseenShare)} of rows (limit ${share(limits.maxUnseenShare)})`,
    );
  }
  return result;
}

function numericQuality(column: string, profile: ColumnProfile, values: Float64Array): ColumnQuality {
  let missing = 0;
  let outside = 0;
  const hasRange = profile.kind === 'numeric' && profile.count > 0;
  const min = profile.kind === 'numeric' ? profile.min : 0;
  const max = profile.kind === 'numeric' ? profile.max : 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) missing++;
    else if (hasRange && (v < min || v > max)) outside++;
  }
  const present = values.length - missing;
  return {
    column,
    columnType: 'numeric',
    rows: values.length,
    missingShare: ratio(missing, values.length),
    outOfRangeCount: outside,
    outOfRangeShare: ratio(outside, present),
    unseenCategories: [],
    unseenShare: 0,
    issues: [],
  };
}

function categoricalQuality(
  column: string,
  profile: ColumnProfile,
  codes: Int32Array,
  dictionary: readonly string[],
): ColumnQuality {
  const known = new Set(profile.kind === 'categorical' ? profile.categories : []);
  const perCode = new Float64Array(dictionary.length);
  let missing = 0;
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i]!;
    if (code < 0 || code >= dictionary.length) missing++;
    else perCode[code] = perCode[code]! + 1;
  }
  const unseen = new Set<string>();
  let unseenRows = 0;
  for (let c = 0; c < dictionary.length; c++) {
    const name = dictionary[c]!;
    if (perCode[c]! > 0 && !known.has(name)) {
      unseen.add(name);
      unseenRows += perCode[c]!;
    }
  }
  return {
    column,
    columnType: 'categorical',
    rows: codes.length,
    missingShare: ratio(missing, codes.length),
    outOfRangeCount: 0,
    outOfRangeShare: 0,
    unseenCategories: [...unseen].sort(),
    unseenShare: ratio(unseenRows, codes.length - missing),
    issues: [],
  };
}

function ratio(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}

function share(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

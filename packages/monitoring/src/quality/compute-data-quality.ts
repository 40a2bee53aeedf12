import type { CurrentColumn } from '../drift/compute-drift.js';
import type { ColumnProfile } from '../profile/serialize-profile.js';
import { checkColumnQuality } from './check-column-quality.js';
import { checkFreshness } from './check-freshness.js';
import { compareSchemas } from './compare-schemas.js';
import { compareVolume } from './compare-volume.js';
import type { DataQuality } from './data-quality.js';
import { DEFAULT_QUALITY_THRESHOLDS, type QualityThresholds } from './quality-thresholds.js';

/** Input of {@link computeDataQuality}. */
export interface ComputeDataQualityInput {
  profiles: Record<string, ColumnProfile>;
  /** Current columns by name; profiled columns missing here are reported as removed, not thrown. */
  current: Record<string, CurrentColumn>;
  /** Column types of both sides (`double`, `string`, ...); default derived from the profiles and columns. */
  schema?: { reference: Record<string, string>; current: Record<string, string> };
  /** Rows of each side and optionally the window lengths in days (for volume per day). */
  volume: {
    referenceRows: number;
    currentRows: number;
    referenceDays?: number;
    currentDays?: number;
    /** False when the sides are not comparable in volume (a training set against a day of logs): reported, never flagged. Default true. */
    comparable?: boolean;
  };
  /** Feature times of the current window (epoch ms) and the run date, for freshness; default not checked. */
  freshness?: { times: Float64Array; runAt: number };
  /** Default {@link DEFAULT_QUALITY_THRESHOLDS}. */
  thresholds?: QualityThresholds;
}

/** Every data-quality check of a monitoring run: per column, schema, freshness, volume. */
export function computeDataQuality(input: ComputeDataQualityInput): DataQuality {
  const limits = { ...DEFAULT_QUALITY_THRESHOLDS, ...input.thresholds };
  const schema = compareSchemas(
    input.schema ?? {
      reference: Object.fromEntries(Object.entries(input.profiles).map(([n, p]) => [n, p.kind])),
      current: Object.fromEntries(
        Object.entries(input.current).map(([n, c]) => [
          n,
          c instanceof Float64Array ? 'numeric' : 'categorical',
        ]),
      ),
    },
  );
  const columns = Object.entries(input.profiles).flatMap(([column, profile]) => {
    const current = input.current[column];
    if (current === undefined || current instanceof Float64Array !== (profile.kind === 'numeric')) return [];
    return [checkColumnQuality({ column, profile, current, thresholds: limits })];
  });
  const freshness = input.freshness
    ? checkFreshness({ ...input.freshness, maxAgeHours: limits.maxAgeHours })
    : null;
  const { comparable = true, ...counts } = input.volume;
  const volume = compareVolume({ ...counts, maxChange: limits.maxVolumeChange });
  if (!comparable) volume.flagged = false;
  const issues = columns.flatMap((c) => c.issues.map((issue) => `${c.column}: ${issue}`));
  for (const c of schema.added) issues.push(`schema: column \`${c}\` is new (not in the reference)`);
  for (const c of schema.removed) issues.push(`schema: column \`${c}\` is missing from the current data`);
  for (const r of schema.retyped) {
    issues.push(`schema: column \`${r.column}\` changed type from ${r.reference} to ${r.current}`);
  }
  if (freshness?.stale) {
    issues.push(
      freshness.latest === null
        ? 'freshness: the window has no feature time'
        : `freshness: newest feature time ${freshness.latest} is ${freshness.ageHours!.toFixed(1)} h old (limit ${freshness.maxAgeHours} h)`,
    );
  }
  if (volume.flagged) {
    issues.push(
      volume.ratio === null
        ? `volume: ${volume.currentRows} rows against an empty reference`
        : `volume: ${volume.ratio.toFixed(2)}× the reference (${volume.currentRows} rows against ${volume.referenceRows}; limit ±${Math.round(volume.maxChange * 100)}%)`,
    );
  }
  return { columns, schema, freshness, volume, issues };
}

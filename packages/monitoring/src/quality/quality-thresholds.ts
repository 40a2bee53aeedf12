/** Limits above which a data-quality check becomes an issue; every field optional. */
export interface QualityThresholds {
  /** Largest acceptable missing share per column; default 0.1. */
  maxMissingShare?: number;
  /** Largest acceptable share of values outside the reference range; default 0.05. */
  maxOutOfRangeShare?: number;
  /** Largest acceptable share of rows with an unseen category; default 0.01. */
  maxUnseenShare?: number;
  /** Largest acceptable age of the newest feature value, hours; default 48. */
  maxAgeHours?: number;
  /** Largest acceptable |current/reference volume − 1|; default 0.5. */
  maxVolumeChange?: number;
}

/** The defaults of {@link QualityThresholds}. */
export const DEFAULT_QUALITY_THRESHOLDS: Required<QualityThresholds> = {
  maxMissingShare: 0.1,
  maxOutOfRangeShare: 0.05,
  maxUnseenShare: 0.01,
  maxAgeHours: 48,
  maxVolumeChange: 0.5,
};

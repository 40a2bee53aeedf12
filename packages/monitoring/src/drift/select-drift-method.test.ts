import { describe, expect, it } from 'vitest';
import { selectDriftMethod } from './select-drift-method.js';

describe("selectDriftMethod follows Evidently's _get_default_stattest", () => {
  it.each([
    [1000, 'numeric', 6, 'ks'],
    [1000, 'numeric', 5, 'chisquare'],
    [1000, 'numeric', 3, 'chisquare'],
    [1000, 'numeric', 2, 'ztest'],
    [10, 'categorical', 40, 'chisquare'],
    [10, 'categorical', 2, 'ztest'],
    [1001, 'numeric', 6, 'wasserstein'],
    [1001, 'numeric', 5, 'jensenshannon'],
    [5000, 'categorical', 2, 'jensenshannon'],
    [5000, 'categorical', 300, 'jensenshannon'],
  ] as const)(
    'reference %i rows, %s with %i unique → %s',
    (referenceCount, columnType, uniqueCount, method) => {
      expect(selectDriftMethod({ referenceCount, columnType, uniqueCount })).toBe(method);
    },
  );
});

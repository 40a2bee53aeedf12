import { describe, expect, it } from 'vitest';
import { binNumericSorted } from '../../src/stats/bin-numeric-sorted.js';
import { jensenShannonDistance } from '../../src/stats/jensen-shannon-distance.js';
import { psi } from '../../src/stats/psi.js';
import { sortWithoutNaN } from '../../src/stats/sort-without-nan.js';
import { agrees, goldenSample, type LcgSpec, loadGolden } from './load-golden.js';

interface PsiCase {
  name: string;
  reference: number[] | LcgSpec;
  current: number[] | LcgSpec;
  psi: number;
  jensenshannon2: number;
  bins: number;
}

const { cases } = loadGolden<{ cases: PsiCase[] }>('psi-numeric');

describe("numeric PSI and Jensen-Shannon on Evidently's bins (numpy re-implementation of get_binned_data)", () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const reference = goldenSample(c.reference);
    const current = goldenSample(c.current);
    const binned = binNumericSorted(sortWithoutNaN(reference).sorted, sortWithoutNaN(current).sorted);
    expect(binned.reference.length).toBe(c.bins);
    expect(agrees(psi(reference, current), c.psi)).toBe(true);
    const js = jensenShannonDistance(binned.reference, binned.current, { base: 2 });
    expect(agrees(js, c.jensenshannon2, 1e-9, 1e-15)).toBe(true);
  });
});

import { InvalidStatisticInputError } from '../errors.js';
import { sharesWithFloor } from './shares-with-floor.js';

/**
 * Population Stability Index Σ (rᵢ − cᵢ) ln(rᵢ / cᵢ) over shared bins or categories, from counts, with
 * Evidently's empty-bin floor (see {@link sharesWithFloor}); shares are counts over each side's total. ≥ 0;
 * 0 for identical distributions; Evidently flags drift at ≥ 0.1.
 * @throws InvalidStatisticInputError when the vectors differ in length or a side has no counts.
 */
export function psiFromCounts(reference: Float64Array, current: Float64Array): number {
  if (reference.length !== current.length) {
    throw new InvalidStatisticInputError(
      'current',
      `has ${current.length} bins, reference has ${reference.length}`,
    );
  }
  const r = sharesWithFloor(reference, total(reference, 'reference'));
  const c = sharesWithFloor(current, total(current, 'current'));
  let psi = 0;
  for (let i = 0; i < r.length; i++) psi += (r[i]! - c[i]!) * Math.log(r[i]! / c[i]!);
  return psi;
}

function total(counts: Float64Array, name: string): number {
  let sum = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i]!;
    if (!(c >= 0)) throw new InvalidStatisticInputError(name, `has a negative or NaN count at bin ${i}`);
    sum += c;
  }
  if (sum === 0)
    throw new InvalidStatisticInputError(name, 'has no counts; PSI needs at least one value per side');
  return sum;
}

import type { Split } from './split.js';

/** Builds a {@link Split} from a per-row flag: 1 = validation, 0 = train, 2 = neither. */
export function splitFromMask(mask: Uint8Array): Split {
  let validationCount = 0;
  let trainCount = 0;
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] === 1) validationCount++;
    else if (mask[i] === 0) trainCount++;
  }
  const train = new Uint32Array(trainCount);
  const validation = new Uint32Array(validationCount);
  let t = 0;
  let v = 0;
  for (let i = 0; i < mask.length; i++) {
    if (mask[i] === 1) validation[v++] = i;
    else if (mask[i] === 0) train[t++] = i;
  }
  return { train, validation };
}

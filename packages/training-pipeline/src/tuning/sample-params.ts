import type { RandomSource } from '@fti/model-runtime';
import type { ParamDistribution, ParamValue, SearchSpace, TrialParams } from './search-space.js';

/** Draws one value of every parameter, in sorted path order (so a seed always gives the same trials). */
export function sampleParams(space: SearchSpace, random: RandomSource): TrialParams {
  const params: TrialParams = {};
  for (const path of Object.keys(space).sort()) params[path] = sampleValue(space[path]!, random);
  return params;
}

function sampleValue(d: ParamDistribution, random: RandomSource): ParamValue {
  switch (d.kind) {
    case 'uniform':
      return d.low + random() * (d.high - d.low);
    case 'log-uniform':
      return Math.exp(Math.log(d.low) + random() * (Math.log(d.high) - Math.log(d.low)));
    case 'int': {
      const choices = Math.floor((d.high - d.low) / d.step) + 1;
      return d.low + Math.min(choices - 1, Math.floor(random() * choices)) * d.step;
    }
    case 'categorical':
      return d.values[Math.min(d.values.length - 1, Math.floor(random() * d.values.length))]!;
  }
}

import type { Suite } from '../types.js';
import { featurePipelineSuite } from './feature-pipeline.js';
import { featureStoreSuite } from './feature-store.js';
import { inferenceSuite } from './inference.js';
import { monitoringSuite } from './monitoring.js';
import { servingSuite } from './serving.js';
import { trainingSuite } from './training.js';
import { trainingQualitySuite } from './training-quality.js';

/** Every benchmark suite by name, as given on the command line (`npm run bench -- <name>`). */
export const suites: Record<string, Suite> = {
  [featureStoreSuite.name]: featureStoreSuite,
  [inferenceSuite.name]: inferenceSuite,
  [monitoringSuite.name]: monitoringSuite,
  [featurePipelineSuite.name]: featurePipelineSuite,
  [trainingSuite.name]: trainingSuite,
  [trainingQualitySuite.name]: trainingQualitySuite,
  [servingSuite.name]: servingSuite,
};

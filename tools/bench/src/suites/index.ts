import type { Suite } from '../types.js';
import { featureStoreSuite } from './feature-store.js';

/** Every benchmark suite by name, as given on the command line (`npm run bench -- <name>`). */
export const suites: Record<string, Suite> = {
  [featureStoreSuite.name]: featureStoreSuite,
};

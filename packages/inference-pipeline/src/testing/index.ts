export { openServingFixture, SERVING_VIEW, type ServingFixture } from '../online/serving-fixture.js';
export {
  ENTITIES,
  FEATURE_COLUMNS,
  FEATURE_DATE,
  type FeatureRow,
  MODEL_NAME,
  makeFeatureRows,
  makeModel,
  makePreprocessor,
  openScoringFixture,
  referenceScore,
  type ScoringFixture,
  THRESHOLD,
} from './scoring-fixture.js';

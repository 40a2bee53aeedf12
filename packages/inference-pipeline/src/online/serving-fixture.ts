// Test builders for online serving, exported as `@fti/inference-pipeline/testing`.
import { appendData, defineFeatureView, type FeatureView, registerFeatureView } from '@fti/feature-store';
import { registerModel, setAlias } from '@fti/model-registry';
import { createMulberry32, type DenseModel, saveServableFiles } from '@fti/model-runtime';
import {
  MODEL_NAME,
  makeModel,
  makePreprocessor,
  openScoringFixture,
  type ScoringFixture,
  THRESHOLD,
} from '../testing/scoring-fixture.js';

/** The scoring fixture plus the same rows in a registered feature view (`features/customers_v1`). */
export interface ServingFixture extends ScoringFixture {
  view: FeatureView;
  /**
   * Registers a copy of the model with its weights shifted by `seed` as the next version and points
   * `staging` at it; returns the version and its weights.
   */
  registerNextVersion(seed: number): Promise<{ version: number; model: DenseModel }>;
}

/** The fixture's feature view: `customer_id` (long) → x1, x2, country, valid ten years after feature_date. */
export const SERVING_VIEW = defineFeatureView({
  name: 'customers',
  version: 1,
  entities: [{ name: 'customer', joinKeys: [{ name: 'customer_id', type: 'long' }] }],
  features: [
    { name: 'x1', type: 'double', description: 'x1' },
    { name: 'x2', type: 'double', description: 'x2' },
    { name: 'country', type: 'string', description: 'country' },
  ],
  ttl: 'P3650D',
  owner: 'tests',
  description: 'Serving test features',
});

const SIGNATURE = {
  inputs: [
    { name: 'x1', type: 'float' as const },
    { name: 'x2', type: 'float' as const, required: false },
    { name: 'country', type: 'string' as const },
  ],
  outputs: [{ name: 'probability', type: 'float' as const }],
};

/** Opens the scoring fixture and writes its rows to a registered feature view as well. */
export async function openServingFixture(): Promise<ServingFixture> {
  const base = await openScoringFixture();
  const table = await registerFeatureView(base.warehouse, SERVING_VIEW);
  await appendData(table, {
    kind: 'rows',
    rows: base.rows.map((r) => ({ ...r, feature_date: new Date(`${r.feature_date}T00:00:00Z`) })),
  });
  return {
    ...base,
    view: SERVING_VIEW,
    async registerNextVersion(seed) {
      const preprocessor = makePreprocessor();
      const model = makeModel(preprocessor.featureNames.length);
      const random = createMulberry32(seed);
      for (const layer of model.layers)
        for (let i = 0; i < layer.kernel.length; i++) layer.kernel[i] = layer.kernel[i]! + random() - 0.5;
      const files = await saveServableFiles(model, preprocessor);
      const registered = await registerModel(base.registry, {
        name: MODEL_NAME,
        artifacts: files.map((f) => ({ kind: 'bytes' as const, ...f })),
        signature: SIGNATURE,
        metrics: { roc_auc: 0.8, threshold: THRESHOLD },
        lineage: { spineHash: 'cd'.repeat(32), runId: `fixture-${seed}`, backend: 'cpu' },
      });
      await setAlias(base.registry, { name: MODEL_NAME, alias: 'staging', version: registered.version });
      return { version: registered.version, model };
    },
  };
}

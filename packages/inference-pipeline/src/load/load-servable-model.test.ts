import { ChecksumMismatchError, ModelNotFoundError } from '@fti/model-registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MODEL_NAME,
  makePreprocessor,
  openScoringFixture,
  type ScoringFixture,
  THRESHOLD,
} from '../testing/scoring-fixture.js';
import { loadServableModel } from './load-servable-model.js';

let fixture: ScoringFixture;
beforeAll(async () => {
  fixture = await openScoringFixture();
});
afterAll(async () => {
  await fixture.close();
});

describe('loadServableModel', () => {
  it('loads by alias and by version the exact trained weights, preprocessing and tuned threshold', async () => {
    const byAlias = await loadServableModel(fixture.registry, { name: MODEL_NAME, alias: 'staging' });
    const byVersion = await loadServableModel(fixture.registry, { name: MODEL_NAME, version: 1 });
    for (const loaded of [byAlias, byVersion]) {
      expect(loaded.version).toBe(1);
      expect(loaded.threshold).toBe(THRESHOLD);
      expect(loaded.preprocessor).toEqual(makePreprocessor());
      expect(loaded.model.layers.map((l) => Array.from(l.kernel))).toEqual(
        fixture.model.layers.map((l) => Array.from(l.kernel)),
      );
      expect(loaded.signature.inputs.map((i) => i.name)).toEqual(['x1', 'x2', 'country']);
    }
  });

  it('refuses a tampered artifact and a missing version with the registry errors', async () => {
    await expect(
      loadServableModel(fixture.registry, { name: MODEL_NAME, version: 9 }),
    ).rejects.toBeInstanceOf(ModelNotFoundError);
    const key = fixture.registry.keys.artifact(MODEL_NAME, 1, 'preprocessing.json');
    const bytes = await fixture.registry.store.get(key);
    const tampered = Uint8Array.from(bytes);
    tampered[tampered.length - 2] = (tampered[tampered.length - 2] ?? 0) ^ 1;
    await fixture.registry.store.put(key, tampered);
    try {
      await expect(
        loadServableModel(fixture.registry, { name: MODEL_NAME, alias: 'staging' }),
      ).rejects.toBeInstanceOf(ChecksumMismatchError);
    } finally {
      await fixture.registry.store.put(key, bytes);
    }
  });
});

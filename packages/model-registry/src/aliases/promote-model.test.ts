import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalObjectStore } from '@fti/feature-store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ModelNotFoundError } from '../errors.js';
import { type ModelRegistry, openModelRegistry } from '../open-model-registry.js';
import { registerModel } from '../register/register-model.js';
import { sampleRegistration } from '../testing/sample-registration.js';
import { aliasHistory } from './alias-history.js';
import { promoteModel } from './promote-model.js';

let dir: string;
let registry: ModelRegistry;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fti-promote-'));
  let tick = 0;
  registry = openModelRegistry({
    store: new LocalObjectStore({ root: dir }),
    now: () => tick++,
    randomId: () => 'id',
  });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('promoteModel', () => {
  it('decides every concurrent promotion against the exact target it replaced', async () => {
    const aucs = [0.7, 0.72, 0.74, 0.76, 0.78, 0.8];
    for (const [i, roc_auc] of aucs.entries()) {
      await registerModel(registry, sampleRegistration({ seed: i + 1, metrics: { roc_auc } }));
    }
    const outcomes = await Promise.all(
      aucs.map((_, i) =>
        promoteModel(registry, { name: 'churn-mlp', candidate: i + 1, metric: 'roc_auc', margin: 0.01 }),
      ),
    );
    const history = await aliasHistory(registry, { name: 'churn-mlp', alias: 'production' });
    expect(history.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const event of history) {
      expect(event.decision?.incumbent ?? null).toBe(event.previousVersion);
      expect(event.version).toBe(
        event.action === 'promote' ? event.decision?.candidate : event.previousVersion,
      );
      if (event.decision?.incumbentValue != null) {
        expect(event.decision.incumbentValue).toBe(aucs[(event.previousVersion ?? 0) - 1]);
      }
    }
    // Whatever the order, the target only ever improves, so the last promotion leaves the alias on a version
    // no refused candidate beat.
    const targets = history.map((e) => e.version ?? 0);
    expect(targets).toEqual([...targets].sort((a, b) => a - b));
    expect(outcomes.filter((o) => o.decision.passed).length).toBe(
      history.filter((e) => e.action === 'promote').length,
    );
  });

  it('throws for a missing candidate and records nothing', async () => {
    await registerModel(registry, sampleRegistration());
    await expect(
      promoteModel(registry, { name: 'churn-mlp', candidate: 2, metric: 'roc_auc' }),
    ).rejects.toBeInstanceOf(ModelNotFoundError);
    expect(await aliasHistory(registry, { name: 'churn-mlp', alias: 'production' })).toEqual([]);
  });
});

import { ChecksumMismatchError, ModelNotFoundError } from '@fti/model-registry';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnservableModelError } from '../errors.js';
import { loadServableModel } from '../load/load-servable-model.js';
import { MODEL_NAME, referenceScore } from '../testing/scoring-fixture.js';
import { createModelHolder } from './model-holder.js';
import { ModelNotReadyError } from './online-errors.js';
import { scoreRows } from './score-rows.js';
import { openServingFixture, type ServingFixture } from './serving-fixture.js';

let fixture: ServingFixture;
beforeAll(async () => {
  fixture = await openServingFixture();
});
afterAll(async () => {
  await fixture.close();
});

const row = { customer_id: 1, feature_date: '2011-11-27', x1: 0.7, x2: 4, country: 'DE' };
const request = { x1: row.x1, x2: row.x2, country: row.country };

describe('createModelHolder', () => {
  it('follows the alias on reload, lets in-flight requests finish on their model, keeps the old model when a reload fails', async () => {
    const holder = createModelHolder({
      load: () => loadServableModel(fixture.registry, { name: MODEL_NAME, alias: 'staging' }),
    });
    expect(() => holder.require()).toThrow(ModelNotReadyError);
    expect(await holder.reload()).toEqual({
      kind: 'swapped',
      previous: undefined,
      current: `${MODEL_NAME}@1`,
    });
    expect(await holder.reload()).toEqual({
      kind: 'unchanged',
      previous: `${MODEL_NAME}@1`,
      current: `${MODEL_NAME}@1`,
    });

    const inFlight = holder.require();
    const next = await fixture.registerNextVersion(7);
    const [a, b] = await Promise.all([holder.reload(), holder.reload()]);
    expect(a).toEqual({ kind: 'swapped', previous: `${MODEL_NAME}@1`, current: `${MODEL_NAME}@2` });
    expect(b).toBe(a);
    // The request that took version 1 before the swap still scores with version 1.
    const [old] = await scoreRows(inFlight, [request]);
    const [now] = await scoreRows(holder.require(), [request]);
    expect(old!.score).toBeCloseTo(referenceScore(fixture.model, row), 6);
    expect(now!.score).toBeCloseTo(referenceScore(next.model, row), 6);
    expect(now!.score).not.toBeCloseTo(old!.score, 3);

    // Version 3 with a tampered weights file: the reload fails, version 2 keeps serving.
    const third = await fixture.registerNextVersion(8);
    const key = fixture.registry.keys.artifact(MODEL_NAME, third.version, 'group1-shard1of1.bin');
    const bytes = Uint8Array.from(await fixture.registry.store.get(key));
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    await fixture.registry.store.put(key, bytes);
    await expect(holder.reload()).rejects.toBeInstanceOf(ChecksumMismatchError);
    expect(holder.require().label).toBe(`${MODEL_NAME}@2`);

    // The alias moved to a version that does not exist: the reload fails, version 2 keeps serving.
    const eventKey = fixture.registry.keys.aliasEvent(MODEL_NAME, 'staging', 4);
    const latest = JSON.parse(
      new TextDecoder().decode(
        await fixture.registry.store.get(fixture.registry.keys.aliasEvent(MODEL_NAME, 'staging', 3)),
      ),
    );
    await fixture.registry.store.put(
      eventKey,
      new TextEncoder().encode(JSON.stringify({ ...latest, seq: 4, version: 99, previousVersion: 3 })),
    );
    await expect(holder.reload()).rejects.toBeInstanceOf(ModelNotFoundError);
    expect(holder.require().label).toBe(`${MODEL_NAME}@2`);
  });

  it('refuses a candidate its accept hook rejects and keeps serving', async () => {
    let version = 1;
    const holder = createModelHolder({
      load: () => loadServableModel(fixture.registry, { name: MODEL_NAME, version }),
      accept: (next) => {
        throw new UnservableModelError(`${next.name}@${next.version}`, 'its signature changed');
      },
    });
    await holder.reload();
    version = 2;
    await expect(holder.reload()).rejects.toThrow(
      `model ${MODEL_NAME}@2 cannot be served: its signature changed`,
    );
    expect(holder.require().label).toBe(`${MODEL_NAME}@1`);
  });
});

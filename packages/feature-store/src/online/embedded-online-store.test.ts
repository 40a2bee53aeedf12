import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FeatureStoreError } from '../errors.js';
import { defineFeatureView } from '../features/feature-view.js';
import { describeOnlineStoreContract } from '../testing/online-store-contract.js';
import { EmbeddedOnlineStore } from './embedded-online-store.js';

describeOnlineStoreContract('embedded (JSON file)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'fti-online-embedded-'));
  const path = join(dir, 'online', 'store.json');
  return {
    open: ({ now }) => EmbeddedOnlineStore.open({ path, now }),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
});

const view = defineFeatureView({
  name: 'memory',
  version: 1,
  entities: [{ name: 'customer', joinKeys: [{ name: 'customer_id', type: 'long' }] }],
  features: [{ name: 'tier', type: 'string', description: 'tier' }],
  ttl: 'P1D',
  owner: 'tests',
  description: 'memory only',
});

describe('EmbeddedOnlineStore', () => {
  it('serves from memory without a path, and a new store starts empty', async () => {
    const now = () => Date.UTC(2024, 0, 1);
    const store = await EmbeddedOnlineStore.open({ now });
    await store.write(view, [{ key: { customer_id: 1 }, eventTime: new Date(now()), values: { tier: 'a' } }]);
    expect((await store.get(view, [{ customer_id: 1 }]))[0]?.values).toEqual({ tier: 'a' });
    const fresh = await EmbeddedOnlineStore.open({ now });
    expect(await fresh.get(view, [{ customer_id: 1 }])).toEqual([null]);
  });

  it('deletes values that left the TTL on the next write, so they are gone even if the clock goes back', async () => {
    let clock = Date.UTC(2024, 0, 1);
    const store = await EmbeddedOnlineStore.open({ now: () => clock });
    await store.write(view, [{ key: { customer_id: 1 }, eventTime: new Date(clock), values: { tier: 'a' } }]);
    const written = clock;
    clock += 2 * 86_400_000;
    await store.write(view, [{ key: { customer_id: 2 }, eventTime: new Date(clock), values: { tier: 'b' } }]);
    clock = written;
    expect(
      (await store.get(view, [{ customer_id: 1 }, { customer_id: 2 }])).map((g) => g?.values.tier ?? null),
    ).toEqual([null, 'b']);
  });

  it('rejects a file that is not an online store, saying what to do', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fti-online-bad-'));
    try {
      const path = join(dir, 'store.json');
      await writeFile(path, '{"not":"ours"}');
      await expect(EmbeddedOnlineStore.open({ path })).rejects.toThrow(FeatureStoreError);
      await expect(EmbeddedOnlineStore.open({ path })).rejects.toThrow(/materialise again/);
      expect(await readFile(path, 'utf8')).toBe('{"not":"ours"}');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

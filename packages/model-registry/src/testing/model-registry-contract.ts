import { createHash } from 'node:crypto';
import type { ObjectStore } from '@fti/feature-store';
import { FaultyObjectStore, type ObjectStoreFixture } from '@fti/feature-store/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aliasHistory } from '../aliases/alias-history.js';
import { promoteModel } from '../aliases/promote-model.js';
import { rollbackAlias } from '../aliases/rollback-alias.js';
import { setAlias } from '../aliases/set-alias.js';
import {
  AliasConflictError,
  ChecksumMismatchError,
  ModelNotFoundError,
  RegistrationFailedError,
} from '../errors.js';
import { loadModel } from '../load/load-model.js';
import { type ModelRegistry, openModelRegistry } from '../open-model-registry.js';
import { getVersion } from '../read/get-version.js';
import { listModels } from '../read/list-models.js';
import { listVersions } from '../read/list-versions.js';
import { registerModel } from '../register/register-model.js';
import { sampleRegistration } from './sample-registration.js';

const T0 = 1_700_000_000_000;

/** A registry on `store` with a clock that ticks 1 s per call and counting ids: runs are reproducible. */
function open(store: ObjectStore): ModelRegistry {
  let tick = 0;
  let id = 0;
  return openModelRegistry({
    store,
    prefix: 'registry',
    now: () => T0 + 1000 * tick++,
    randomId: () => `id-${++id}`,
  });
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Registers one vitest suite that the model registry must pass unchanged on every {@link ObjectStore}
 * adapter: registration and reads, exactly-once version numbers under concurrency, checksum verification,
 * all-or-nothing registration under injected faults, alias history, promotion gate and rollback.
 * `make` returns a new empty store for each test.
 */
export function describeModelRegistryContract(name: string, make: () => Promise<ObjectStoreFixture>): void {
  describe(`model registry contract: ${name}`, () => {
    let fixture: ObjectStoreFixture;
    let registry: ModelRegistry;
    beforeEach(async () => {
      fixture = await make();
      registry = open(fixture.store);
    });
    afterEach(async () => {
      await fixture.cleanup();
    });

    it('registers version 1 with the sha256 and size of every file, and reads it back', async () => {
      const input = sampleRegistration();
      const record = await registerModel(registry, input);
      expect(record.version).toBe(1);
      expect(record.createdAtMs).toBe(T0);
      const expected = input.artifacts.map((a) => {
        const bytes = a.kind === 'bytes' ? a.bytes : new Uint8Array();
        return { path: a.path, sha256: sha256(bytes), size: bytes.byteLength };
      });
      expect(record.artifacts.slice(0, 3)).toEqual(expected);
      expect(record.artifacts.map((a) => a.path)).toEqual([
        'model.json',
        'group1-shard1of1.bin',
        'preprocessing.json',
        'model-card.md',
      ]);
      expect(record.lineage.sources[0]?.snapshotId).toBe('812');
      expect(await getVersion(registry, { name: 'churn-mlp', version: 1 })).toEqual(record);
      expect(await listVersions(registry, 'churn-mlp')).toEqual([record]);
      expect(await listModels(registry)).toEqual([{ name: 'churn-mlp', versions: [1], aliases: {} }]);
      const keys = (await fixture.store.list('registry/models/churn-mlp/versions/1/')).map((o) => o.key);
      expect(keys).toContain('registry/models/churn-mlp/versions/1/version.json');
      expect(keys).toContain('registry/models/churn-mlp/versions/1/files/group1-shard1of1.bin');
    });

    it('gives 8 concurrent registrations 8 distinct versions, each complete with its own files', async () => {
      const records = await Promise.all(
        Array.from({ length: 8 }, (_, i) => registerModel(registry, sampleRegistration({ seed: i + 1 }))),
      );
      expect(records.map((r) => r.version).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect((await listVersions(registry, 'churn-mlp')).map((r) => r.version)).toEqual([
        1, 2, 3, 4, 5, 6, 7, 8,
      ]);
      for (const record of records) {
        const loaded = await loadModel(registry, { ref: { name: 'churn-mlp', version: record.version } });
        expect(loaded.record.lineage.runId).toBe(record.lineage.runId);
        const seed = Number(record.lineage.runId.slice('run-'.length));
        const shard = sampleRegistration({ seed }).artifacts[1];
        expect(loaded.artifacts[1]?.bytes).toEqual(shard?.kind === 'bytes' ? shard.bytes : undefined);
      }
    });

    it('loads verified bytes, and names the tampered file with both hashes', async () => {
      const input = sampleRegistration();
      await registerModel(registry, input);
      const loaded = await loadModel(registry, { ref: { name: 'churn-mlp', version: 1 } });
      expect(loaded.artifacts.map((a) => a.bytes)).toEqual([
        ...input.artifacts.map((a) => (a.kind === 'bytes' ? a.bytes : undefined)),
        expect.any(Uint8Array),
      ]);
      const key = 'registry/models/churn-mlp/versions/1/files/group1-shard1of1.bin';
      const original = await fixture.store.get(key);
      const tampered = Uint8Array.from(original);
      tampered[0] = (tampered[0] ?? 0) ^ 1;
      await fixture.store.put(key, tampered);
      const error = await loadModel(registry, { ref: { name: 'churn-mlp', version: 1 } }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ChecksumMismatchError);
      const mismatch = error as ChecksumMismatchError;
      expect(mismatch.file).toBe('group1-shard1of1.bin');
      expect(mismatch.expected).toEqual({ sha256: sha256(original), size: original.byteLength });
      expect(mismatch.actual).toEqual({ sha256: sha256(tampered), size: tampered.byteLength });
      expect(mismatch.message).toContain(sha256(original));
      expect(mismatch.message).toContain(sha256(tampered));
    });

    it('leaves nothing readable when an upload fails, and never reuses the version number', async () => {
      const faulty = new FaultyObjectStore(fixture.store);
      const failing = open(faulty);
      faulty.inject({ operations: ['put'], key: /group1-shard1of1\.bin$/ });
      const error = await registerModel(failing, sampleRegistration()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RegistrationFailedError);
      expect((error as RegistrationFailedError).step).toBe('upload group1-shard1of1.bin');
      expect((error as RegistrationFailedError).version).toBe(1);
      expect(await listVersions(registry, 'churn-mlp')).toEqual([]);
      expect(await listModels(registry)).toEqual([]);
      await expect(getVersion(registry, { name: 'churn-mlp', version: 1 })).rejects.toBeInstanceOf(
        ModelNotFoundError,
      );
      expect((await fixture.store.list('registry/')).map((o) => o.key)).toEqual([
        'registry/models/churn-mlp/versions/1/_allocated.json',
      ]);
      faulty.heal();
      const next = await registerModel(failing, sampleRegistration());
      expect(next.version).toBe(2);
      expect((await listVersions(registry, 'churn-mlp')).map((r) => r.version)).toEqual([2]);
    });

    it('counts a version.json whose write response was lost as registered', async () => {
      const faulty = new FaultyObjectStore(fixture.store);
      faulty.inject({ operations: ['putIfAbsent'], key: /version\.json$/, when: 'after' });
      const record = await registerModel(open(faulty), sampleRegistration());
      expect(faulty.failures).toBe(1);
      expect(await getVersion(registry, { name: 'churn-mlp', version: 1 })).toEqual(record);
      expect((await loadModel(registry, { ref: { name: 'churn-mlp', version: 1 } })).artifacts).toHaveLength(
        4,
      );
    });

    it('moves aliases with history and rolls back like an undo stack', async () => {
      for (const seed of [1, 2, 3]) await registerModel(registry, sampleRegistration({ seed }));
      await setAlias(registry, { name: 'churn-mlp', alias: 'production', version: 1, reason: 'first' });
      await setAlias(registry, { name: 'churn-mlp', alias: 'production', version: 2 });
      await setAlias(registry, { name: 'churn-mlp', alias: 'production', version: 3 });
      await setAlias(registry, { name: 'churn-mlp', alias: 'staging', version: 3 });
      expect((await getVersion(registry, { name: 'churn-mlp', alias: 'production' })).version).toBe(3);
      expect((await rollbackAlias(registry, { name: 'churn-mlp', alias: 'production' })).version).toBe(2);
      expect((await rollbackAlias(registry, { name: 'churn-mlp', alias: 'production' })).version).toBe(1);
      const history = await aliasHistory(registry, { name: 'churn-mlp', alias: 'production' });
      expect(history.map((e) => [e.seq, e.action, e.previousVersion, e.version])).toEqual([
        [1, 'set', null, 1],
        [2, 'set', 1, 2],
        [3, 'set', 2, 3],
        [4, 'rollback', 3, 2],
        [5, 'rollback', 2, 1],
      ]);
      expect(history[0]?.reason).toBe('first');
      expect(await listModels(registry)).toEqual([
        { name: 'churn-mlp', versions: [1, 2, 3], aliases: { production: 1, staging: 3 } },
      ]);
    });

    it('refuses an alias to a missing version and changes nothing', async () => {
      await registerModel(registry, sampleRegistration());
      const error = await setAlias(registry, { name: 'churn-mlp', alias: 'production', version: 7 }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ModelNotFoundError);
      expect((error as ModelNotFoundError).missing).toEqual({ version: 7 });
      expect((error as Error).message).toContain('listVersions');
      expect(await aliasHistory(registry, { name: 'churn-mlp', alias: 'production' })).toEqual([]);
      await expect(getVersion(registry, { name: 'churn-mlp', alias: 'production' })).rejects.toBeInstanceOf(
        ModelNotFoundError,
      );
    });

    it('orders 8 concurrent alias moves into one gap-free history', async () => {
      for (const seed of [1, 2, 3, 4]) await registerModel(registry, sampleRegistration({ seed }));
      const events = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          setAlias(registry, { name: 'churn-mlp', alias: 'staging', version: (i % 4) + 1 }),
        ),
      );
      expect(events.map((e) => e.seq).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      const history = await aliasHistory(registry, { name: 'churn-mlp', alias: 'staging' });
      for (const [i, event] of history.entries()) {
        expect(event.previousVersion).toBe(i === 0 ? null : (history[i - 1]?.version ?? null));
      }
      const last = history.at(-1)?.version;
      expect((await getVersion(registry, { name: 'churn-mlp', alias: 'staging' })).version).toBe(last);
    });

    it('fails an alias move whose expected history position is stale', async () => {
      await registerModel(registry, sampleRegistration());
      await setAlias(registry, { name: 'churn-mlp', alias: 'staging', version: 1, expectedSeq: 0 });
      const error = await setAlias(registry, {
        name: 'churn-mlp',
        alias: 'staging',
        version: 1,
        expectedSeq: 0,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AliasConflictError);
      expect((error as AliasConflictError).actualSeq).toBe(1);
      expect(await aliasHistory(registry, { name: 'churn-mlp', alias: 'staging' })).toHaveLength(1);
    });

    it('promotes only a candidate that wins by the margin and passes every check, recording refusals', async () => {
      const metrics = [{ roc_auc: 0.8 }, { roc_auc: 0.805 }, { roc_auc: 0.83 }];
      for (const [i, m] of metrics.entries())
        await registerModel(registry, sampleRegistration({ seed: i + 1, metrics: m }));
      const gate = { name: 'churn-mlp', metric: 'roc_auc', margin: 0.01 } as const;
      const first = await promoteModel(registry, { ...gate, candidate: 1 });
      expect(first.decision.passed).toBe(true);
      expect(first.decision.incumbent).toBeNull();
      const small = await promoteModel(registry, { ...gate, candidate: 2 });
      expect(small.decision.passed).toBe(false);
      expect(small.event.action).toBe('refuse');
      expect(small.decision.improvement).toBeCloseTo(0.005, 12);
      const failedCheck = await promoteModel(registry, {
        ...gate,
        candidate: 3,
        checks: [{ kind: 'result', name: 'no-leakage', passed: false, detail: 'label in features' }],
      });
      expect(failedCheck.decision.reasons).toEqual(['check `no-leakage` failed: label in features']);
      const win = await promoteModel(registry, {
        ...gate,
        candidate: 3,
        checks: [{ kind: 'metric', metric: 'roc_auc', min: 0.7 }],
      });
      expect(win.decision.passed).toBe(true);
      expect(win.decision.improvement).toBeCloseTo(0.03, 12);
      const history = await aliasHistory(registry, { name: 'churn-mlp', alias: 'production' });
      expect(history.map((e) => [e.action, e.version, e.decision?.candidate])).toEqual([
        ['promote', 1, 1],
        ['refuse', 1, 2],
        ['refuse', 1, 3],
        ['promote', 3, 3],
      ]);
      expect((await rollbackAlias(registry, { name: 'churn-mlp', alias: 'production' })).version).toBe(1);
    });
  });
}

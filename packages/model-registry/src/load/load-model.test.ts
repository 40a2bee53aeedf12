import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalObjectStore } from '@fti/feature-store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setAlias } from '../aliases/set-alias.js';
import { ChecksumMismatchError, CorruptModelError, ModelNotFoundError } from '../errors.js';
import { type ModelRegistry, openModelRegistry } from '../open-model-registry.js';
import { registerModel } from '../register/register-model.js';
import { sampleRegistration } from '../testing/sample-registration.js';
import { loadModel } from './load-model.js';

let dir: string;
let store: LocalObjectStore;
let registry: ModelRegistry;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fti-load-'));
  store = new LocalObjectStore({ root: join(dir, 'registry') });
  registry = openModelRegistry({ store, now: () => 0, randomId: () => 'id' });
  await registerModel(registry, sampleRegistration());
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('loadModel', () => {
  it('writes verified files into a directory, keeping tfjs shard paths beside model.json', async () => {
    await setAlias(registry, { name: 'churn-mlp', alias: 'production', version: 1 });
    const out = join(dir, 'out');
    const loaded = await loadModel(registry, {
      ref: { name: 'churn-mlp', alias: 'production' },
      into: { kind: 'directory', dir: out },
    });
    expect((await readdir(out)).sort()).toEqual([
      'group1-shard1of1.bin',
      'model-card.md',
      'model.json',
      'preprocessing.json',
    ]);
    const modelJson = JSON.parse(await readFile(join(out, 'model.json'), 'utf8'));
    const shard = modelJson.weightsManifest[0].paths[0];
    expect(new Uint8Array(await readFile(join(out, shard)))).toEqual(
      loaded.artifacts.find((a) => a.path === shard)?.bytes,
    );
    expect(loaded.artifacts.map((a) => a.localPath)).toEqual(loaded.artifacts.map((a) => join(out, a.path)));
  });

  it('writes nothing into the directory when any file was tampered with, even the last one', async () => {
    await store.put(
      'models/churn-mlp/versions/1/files/model-card.md',
      new TextEncoder().encode('# forged\n'),
    );
    const out = join(dir, 'out');
    const error = await loadModel(registry, {
      ref: { name: 'churn-mlp', version: 1 },
      into: { kind: 'directory', dir: out },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChecksumMismatchError);
    expect((error as ChecksumMismatchError).file).toBe('model-card.md');
    expect((error as ChecksumMismatchError).actual.size).toBe(9);
    await expect(readdir(out)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('reports a deleted artifact and an unknown version by name', async () => {
    await store.delete(['models/churn-mlp/versions/1/files/preprocessing.json']);
    const missing = await loadModel(registry, { ref: { name: 'churn-mlp', version: 1 } }).catch(
      (e: unknown) => e,
    );
    expect(missing).toBeInstanceOf(CorruptModelError);
    expect((missing as CorruptModelError).file).toBe('models/churn-mlp/versions/1/files/preprocessing.json');
    const unknown = await loadModel(registry, { ref: { name: 'churn-mlp', version: 9 } }).catch(
      (e: unknown) => e,
    );
    expect(unknown).toBeInstanceOf(ModelNotFoundError);
    expect((unknown as Error).message).toBe(
      "version 9 of model `churn-mlp` does not exist; list the registered versions with listVersions(registry, 'churn-mlp')",
    );
    const alias = await loadModel(registry, { ref: { name: 'churn-mlp', alias: 'staging' } }).catch(
      (e: unknown) => e,
    );
    expect((alias as ModelNotFoundError).missing).toEqual({ alias: 'staging' });
  });

  it('rejects a record edited to claim another version', async () => {
    const record = JSON.parse(
      new TextDecoder().decode(await store.get('models/churn-mlp/versions/1/version.json')),
    );
    await store.put(
      'models/churn-mlp/versions/2/version.json',
      new TextEncoder().encode(JSON.stringify(record)),
    );
    const error = await loadModel(registry, { ref: { name: 'churn-mlp', version: 2 } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CorruptModelError);
    expect((error as Error).message).toContain('holds churn-mlp version 1, not churn-mlp version 2');
  });
});

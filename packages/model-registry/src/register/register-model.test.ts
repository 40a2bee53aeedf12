import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalObjectStore } from '@fti/feature-store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidModelInputError, RegistrationFailedError } from '../errors.js';
import { type ModelRegistry, openModelRegistry } from '../open-model-registry.js';
import { listVersions } from '../read/list-versions.js';
import { sampleRegistration } from '../testing/sample-registration.js';
import { registerModel } from './register-model.js';
import { sweepIncompleteVersions } from './sweep-incomplete-versions.js';

let dir: string;
let store: LocalObjectStore;
let registry: ModelRegistry;
let clock: number;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fti-register-'));
  store = new LocalObjectStore({ root: join(dir, 'registry') });
  clock = 1_000_000;
  registry = openModelRegistry({ store, now: () => clock, randomId: () => 'claim' });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('registerModel', () => {
  it('rejects bad input naming the field, before writing anything', async () => {
    const cases: [Parameters<typeof registerModel>[1], string][] = [
      [{ ...sampleRegistration(), name: 'a/b' }, 'registration.name'],
      [{ ...sampleRegistration(), metrics: { auc: Number.POSITIVE_INFINITY } }, 'registration.metrics.auc'],
      [
        {
          ...sampleRegistration(),
          artifacts: [{ kind: 'bytes', path: '../x', bytes: new Uint8Array(1) }],
        },
        'registration.artifacts.0.path',
      ],
      [
        { ...sampleRegistration(), lineage: { ...sampleRegistration().lineage, runId: '' } },
        'registration.lineage.runId',
      ],
      [
        {
          ...sampleRegistration(),
          artifacts: [{ kind: 'bytes', path: 'model-card.md', bytes: new Uint8Array(1) }],
        },
        'artifacts',
      ],
    ];
    for (const [input, field] of cases) {
      const error = await registerModel(registry, input).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidModelInputError);
      expect((error as InvalidModelInputError).field).toBe(field);
    }
    expect(await store.list('')).toEqual([]);
  });

  it('streams local files, hashing them, and keeps a caller card when asked', async () => {
    const shard = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7) % 251);
    await writeFile(join(dir, 'shard.bin'), shard);
    const record = await registerModel(registry, {
      ...sampleRegistration(),
      artifacts: [
        { kind: 'file', path: 'weights/group1-shard1of1.bin', localPath: join(dir, 'shard.bin') },
        { kind: 'bytes', path: 'model-card.md', bytes: new TextEncoder().encode('# mine\n') },
      ],
      modelCard: 'none',
    });
    expect(record.artifacts).toEqual([
      {
        path: 'weights/group1-shard1of1.bin',
        sha256: createHash('sha256').update(shard).digest('hex'),
        size: 100_000,
      },
      { path: 'model-card.md', sha256: createHash('sha256').update('# mine\n').digest('hex'), size: 7 },
    ]);
    expect(await store.get('models/churn-mlp/versions/1/files/weights/group1-shard1of1.bin')).toEqual(shard);
  });

  it('cleans up after a missing local file and skips its number', async () => {
    const error = await registerModel(registry, {
      ...sampleRegistration(),
      artifacts: [
        { kind: 'bytes', path: 'model.json', bytes: new Uint8Array([1]) },
        { kind: 'file', path: 'w.bin', localPath: join(dir, 'absent.bin') },
      ],
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistrationFailedError);
    expect((error as RegistrationFailedError).message).toContain(
      'failed at `upload w.bin`; nothing was registered',
    );
    expect((await store.list('')).map((o) => o.key)).toEqual(['models/churn-mlp/versions/1/_allocated.json']);
    expect((await registerModel(registry, sampleRegistration())).version).toBe(2);
  });
});

describe('sweepIncompleteVersions', () => {
  it('deletes the files of old unfinished registrations only, keeping claims and complete versions', async () => {
    await registerModel(registry, sampleRegistration());
    // Simulate two crashed registrations: claims and an artifact, no version.json.
    for (const [version, claimedAtMs] of [
      [2, 1_000_000],
      [3, 4_000_000],
    ] as const) {
      await store.put(
        `models/churn-mlp/versions/${version}/_allocated.json`,
        new TextEncoder().encode(JSON.stringify({ registrationId: 'x', claimedAtMs })),
      );
      await store.put(`models/churn-mlp/versions/${version}/files/model.json`, new Uint8Array([1]));
    }
    clock = 1_000_000 + 3_600_000;
    expect(await sweepIncompleteVersions(registry, { name: 'churn-mlp' })).toEqual([2]);
    const keys = (await store.list('models/churn-mlp/versions/'))
      .map((o) => o.key)
      .filter((k) => !k.startsWith('models/churn-mlp/versions/1/'));
    expect(keys).toEqual([
      'models/churn-mlp/versions/2/_allocated.json',
      'models/churn-mlp/versions/3/_allocated.json',
      'models/churn-mlp/versions/3/files/model.json',
    ]);
    expect((await listVersions(registry, 'churn-mlp')).map((r) => r.version)).toEqual([1]);
  });
});

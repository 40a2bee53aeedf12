import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeObjectStoreContract } from '../testing/object-store-contract.js';
import { LocalObjectStore } from './local-object-store.js';

describeObjectStoreContract('LocalObjectStore', async () => {
  const root = await mkdtemp(join(tmpdir(), 'fti-local-store-'));
  return {
    store: new LocalObjectStore({ root: join(root, 'warehouse') }),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
});

describe('LocalObjectStore', () => {
  it('maps a relative root to an absolute file:// URI and keys to files under it', async () => {
    const root = await mkdtemp(join(tmpdir(), 'fti-local-store-'));
    try {
      const store = new LocalObjectStore({ root: relative(process.cwd(), join(root, 'w h')) });
      expect(store.rootUri).toBe(`file://${root.replaceAll(' ', '%20')}/w%20h`);
      await store.put('ns/t/metadata/v1.metadata.json', new Uint8Array([1]));
      expect(await store.localPath('ns/t/metadata/v1.metadata.json')).toBe(
        join(root, 'w h', 'ns', 't', 'metadata', 'v1.metadata.json'),
      );
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('leaves no temporary files behind after racing putIfAbsent calls', async () => {
    const root = await mkdtemp(join(tmpdir(), 'fti-local-store-'));
    try {
      const store = new LocalObjectStore({ root });
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => store.putIfAbsent('m/v1.json', new Uint8Array([i]))),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await readdir(join(root, 'm'))).toEqual(['v1.json']);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('prunes folders a delete leaves empty, so a key may reuse a former folder name', async () => {
    const root = await mkdtemp(join(tmpdir(), 'fti-local-store-'));
    try {
      const store = new LocalObjectStore({ root });
      await store.put('a/b/c', new Uint8Array([1]));
      await store.put('keep', new Uint8Array([2]));
      await store.delete(['a/b/c']);
      expect(await readdir(root)).toEqual(['keep']);
      await store.put('a', new Uint8Array([3]));
      expect(await store.get('a')).toEqual(new Uint8Array([3]));
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

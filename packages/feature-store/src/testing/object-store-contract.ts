import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InvalidKeyError, ObjectNotFoundError } from '../errors.js';
import type { ObjectStore } from '../object-store/object-store.js';

/** A fresh, empty store for one test and how to dispose of it. */
export interface ObjectStoreFixture {
  store: ObjectStore;
  cleanup(): Promise<void>;
}

const encoder = new TextEncoder();
const bytes = (text: string): Uint8Array => encoder.encode(text);

/** Keys every adapter must reject with {@link InvalidKeyError}. */
export const INVALID_KEYS = ['', '/abs', '../escape', 'a/../../b', 'a\\b', 'a//b', 'a/', './a', 'a/./b'];

/**
 * Registers one vitest suite that every {@link ObjectStore} adapter must pass unchanged: byte round trips,
 * ranges, listing order, deletion, exactly-once `putIfAbsent` under concurrency, key validation and
 * not-found errors. `make` returns a new empty store for each test.
 */
export function describeObjectStoreContract(name: string, make: () => Promise<ObjectStoreFixture>): void {
  describe(`ObjectStore contract: ${name}`, () => {
    let fixture: ObjectStoreFixture;
    let store: ObjectStore;
    beforeEach(async () => {
      fixture = await make();
      store = fixture.store;
    });
    afterEach(async () => {
      await fixture.cleanup();
    });

    it('rootUri has a scheme and no trailing slash', () => {
      expect(store.rootUri).toMatch(/^(file|s3):\/\/.*[^/]$/);
    });

    it('round-trips every byte value, an empty object and a replacement', async () => {
      const all = Uint8Array.from({ length: 256 }, (_, i) => i);
      await store.put('t/all.bin', all);
      await store.put('t/empty.bin', new Uint8Array(0));
      expect(await store.get('t/all.bin')).toEqual(all);
      expect(await store.get('t/empty.bin')).toEqual(new Uint8Array(0));
      await store.put('t/all.bin', bytes('replaced'));
      expect(new TextDecoder().decode(await store.get('t/all.bin'))).toBe('replaced');
    });

    it('reads byte ranges, truncating at the end of the object', async () => {
      await store.put('r/x', bytes('0123456789'));
      expect(await store.getRange('r/x', 2, 3)).toEqual(bytes('234'));
      expect(await store.getRange('r/x', 0, 10)).toEqual(bytes('0123456789'));
      expect(await store.getRange('r/x', 7, 10)).toEqual(bytes('789'));
      expect(await store.getRange('r/x', 4, 0)).toEqual(new Uint8Array(0));
      expect(await store.getRange('r/x', 10, 5)).toEqual(new Uint8Array(0));
    });

    it('heads an object with its size, and undefined when absent', async () => {
      await store.put('h/x', bytes('12345'));
      expect(await store.head('h/x')).toEqual({ key: 'h/x', size: 5 });
      expect(await store.head('h/missing')).toBeUndefined();
      expect(await store.head('h')).toBeUndefined();
    });

    it('lists recursively, sorted by key, filtered by prefix', async () => {
      const keys = ['b/2', 'a/1', 'a/10', 'a/2', 'ab', 'c/d/e/f', 'a/sub/z'];
      for (const [i, key] of keys.entries()) await store.put(key, new Uint8Array(i));
      const all = await store.list('');
      expect(all.map((o) => o.key)).toEqual(['a/1', 'a/10', 'a/2', 'a/sub/z', 'ab', 'b/2', 'c/d/e/f']);
      expect(all.find((o) => o.key === 'c/d/e/f')?.size).toBe(5);
      expect((await store.list('a/')).map((o) => o.key)).toEqual(['a/1', 'a/10', 'a/2', 'a/sub/z']);
      expect((await store.list('a')).map((o) => o.key)).toEqual(['a/1', 'a/10', 'a/2', 'a/sub/z', 'ab']);
      expect((await store.list('a/1')).map((o) => o.key)).toEqual(['a/1', 'a/10']);
      expect((await store.list('c/d/')).map((o) => o.key)).toEqual(['c/d/e/f']);
      expect(await store.list('zzz/')).toEqual([]);
    });

    it('deletes objects and ignores missing keys', async () => {
      await store.put('d/1', bytes('1'));
      await store.put('d/2', bytes('2'));
      await store.put('d/3', bytes('3'));
      await store.delete(['d/1', 'd/3', 'd/never']);
      expect((await store.list('d/')).map((o) => o.key)).toEqual(['d/2']);
      await expect(store.get('d/1')).rejects.toBeInstanceOf(ObjectNotFoundError);
      await store.delete([]);
      expect((await store.list('')).length).toBe(1);
    });

    it('putIfAbsent creates once and never overwrites', async () => {
      expect(await store.putIfAbsent('p/v1.json', bytes('first'))).toBe(true);
      expect(await store.putIfAbsent('p/v1.json', bytes('second'))).toBe(false);
      expect(new TextDecoder().decode(await store.get('p/v1.json'))).toBe('first');
      expect((await store.list('p/')).map((o) => o.key)).toEqual(['p/v1.json']);
    });

    it('putIfAbsent lets exactly one of 16 concurrent racers win, with its full contents', async () => {
      const bodies = Array.from({ length: 16 }, (_, i) => bytes(`writer-${i}:`.repeat(1000 + i)));
      const results = await Promise.all(bodies.map((body) => store.putIfAbsent('race/v2.json', body)));
      const winners = results.flatMap((won, i) => (won ? [i] : []));
      expect(winners).toHaveLength(1);
      expect(await store.get('race/v2.json')).toEqual(bodies[winners[0] ?? -1]);
      expect((await store.list('race/')).map((o) => o.key)).toEqual(['race/v2.json']);
    });

    it('rejects keys that are empty, absolute, escaping or malformed', async () => {
      for (const key of INVALID_KEYS) {
        await expect(store.get(key), key).rejects.toBeInstanceOf(InvalidKeyError);
        await expect(store.put(key, bytes('x')), key).rejects.toBeInstanceOf(InvalidKeyError);
        await expect(store.putIfAbsent(key, bytes('x')), key).rejects.toBeInstanceOf(InvalidKeyError);
        await expect(store.head(key), key).rejects.toBeInstanceOf(InvalidKeyError);
        await expect(store.delete([key]), key).rejects.toBeInstanceOf(InvalidKeyError);
        await expect(store.localPath(key), key).rejects.toBeInstanceOf(InvalidKeyError);
      }
      await expect(store.list('../')).rejects.toBeInstanceOf(InvalidKeyError);
      await expect(store.list('/a')).rejects.toBeInstanceOf(InvalidKeyError);
      expect(await store.list('')).toEqual([]);
    });

    it('throws ObjectNotFoundError naming the key for missing objects', async () => {
      for (const read of [
        () => store.get('nope/x'),
        () => store.getRange('nope/x', 0, 4),
        () => store.localPath('nope/x'),
      ]) {
        const error = await read().catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ObjectNotFoundError);
        expect((error as ObjectNotFoundError).key).toBe('nope/x');
      }
    });

    it('gives a local path holding the object, and uploads local files', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'fti-contract-'));
      try {
        const source = join(dir, 'data.parquet');
        const body = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31) % 251);
        await writeFile(source, body);
        await store.putFile('f/data.parquet', source);
        expect(await store.head('f/data.parquet')).toEqual({ key: 'f/data.parquet', size: body.length });
        expect(await store.get('f/data.parquet')).toEqual(body);
        const local = await store.localPath('f/data.parquet');
        expect(new Uint8Array(await readFile(local))).toEqual(body);
        expect(await store.localPath('f/data.parquet')).toBe(local);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });

    it('round-trips random key sets and bodies (property)', async () => {
      const segment = fc.stringMatching(/^[a-z0-9_.=-]{1,8}$/).filter((s) => s !== '.' && s !== '..');
      const key = fc.array(segment, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('/'));
      const entry = fc.record({ key, body: fc.uint8Array({ maxLength: 300 }) });
      // A key that is also a folder of another key cannot exist on a file system, so keep leaf names apart.
      const entries = fc
        .uniqueArray(entry, { selector: (e) => e.key, minLength: 1, maxLength: 8 })
        .filter((list) => list.every((a) => list.every((b) => !b.key.startsWith(`${a.key}/`))));
      await fc.assert(
        fc.asyncProperty(entries, async (list) => {
          await Promise.all(list.map((e) => store.put(`prop/${e.key}`, e.body)));
          const listed = await store.list('prop/');
          const expected = [...list].sort((a, b) => Buffer.compare(Buffer.from(a.key), Buffer.from(b.key)));
          expect(listed).toEqual(expected.map((e) => ({ key: `prop/${e.key}`, size: e.body.length })));
          for (const e of list) expect(await store.get(`prop/${e.key}`)).toEqual(e.body);
          await store.delete(list.map((e) => `prop/${e.key}`));
          expect(await store.list('prop/')).toEqual([]);
        }),
        { numRuns: 25, seed: 20240601 },
      );
    });
  });
}

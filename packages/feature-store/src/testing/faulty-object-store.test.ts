import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalObjectStore } from '../object-store/local-object-store.js';
import { FaultyObjectStore, InjectedFaultError } from './faulty-object-store.js';
import { describeObjectStoreContract } from './object-store-contract.js';

const bytes = (text: string) => new TextEncoder().encode(text);

// Unarmed, the wrapper is a transparent ObjectStore.
describeObjectStoreContract('FaultyObjectStore (no fault armed)', async () => {
  const root = await mkdtemp(join(tmpdir(), 'fti-faulty-contract-'));
  return {
    store: new FaultyObjectStore(new LocalObjectStore({ root })),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
});

describe('FaultyObjectStore', () => {
  let root: string;
  let inner: LocalObjectStore;
  let store: FaultyObjectStore;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'fti-faulty-'));
    inner = new LocalObjectStore({ root });
    store = new FaultyObjectStore(inner);
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('fails only the nth call matching the operation and key pattern, before it reaches the store', async () => {
    store.inject({ operations: ['put'], key: /^data\//, nth: 2 });
    await store.put('meta/a', bytes('a'));
    await store.put('data/1', bytes('1'));
    const error = await store.put('data/2', bytes('2')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InjectedFaultError);
    expect((error as InjectedFaultError).key).toBe('data/2');
    await store.put('data/3', bytes('3'));
    expect((await inner.list('')).map((o) => o.key)).toEqual(['data/1', 'data/3', 'meta/a']);
    expect(store.failures).toBe(1);
    expect(store.calls.map((c) => `${c.operation} ${c.key} ${c.failed}`)).toEqual([
      'put meta/a false',
      'put data/1 false',
      'put data/2 true',
      'put data/3 false',
    ]);
  });

  it('with when: after, the call lands and then throws (a lost response)', async () => {
    store.inject({ operations: ['putIfAbsent'], when: 'after' });
    await expect(store.putIfAbsent('v1', bytes('x'))).rejects.toBeInstanceOf(InjectedFaultError);
    expect(new TextDecoder().decode(await inner.get('v1'))).toBe('x');
  });

  it('with repeat, fails every matching call from the nth on, until healed', async () => {
    store.inject({ operations: ['get', 'head'], nth: 2, repeat: true });
    await inner.put('k', bytes('v'));
    expect(await store.head('k')).toEqual({ key: 'k', size: 1 });
    await expect(store.get('k')).rejects.toBeInstanceOf(InjectedFaultError);
    await expect(store.head('k')).rejects.toBeInstanceOf(InjectedFaultError);
    store.heal();
    expect(new TextDecoder().decode(await store.get('k'))).toBe('v');
    expect(store.failures).toBe(2);
  });

  it('matches a delete when any of its keys matches', async () => {
    store.inject({ operations: ['delete'], key: /secret/ });
    await inner.put('a', bytes('a'));
    await store.delete(['a']);
    await expect(store.delete(['b', 'secret'])).rejects.toBeInstanceOf(InjectedFaultError);
    expect(await inner.list('')).toEqual([]);
  });
});

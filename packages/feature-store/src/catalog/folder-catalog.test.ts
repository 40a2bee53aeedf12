import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CorruptTableError, TableNotFoundError } from '../errors.js';
import { LocalObjectStore } from '../object-store/local-object-store.js';
import { describeCatalogContract } from '../testing/catalog-contract.js';
import { sampleTableMetadata } from '../testing/sample-table-metadata.js';
import type { LoadedTable } from './catalog.js';
import { FolderCatalog } from './folder-catalog.js';

describeCatalogContract('FolderCatalog on a local folder', async () => {
  const root = await mkdtemp(join(tmpdir(), 'fti-folder-catalog-'));
  return {
    catalog: new FolderCatalog({ store: new LocalObjectStore({ root }) }),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
});

describe('FolderCatalog', () => {
  const id = { namespace: 'features', name: 'customers' };
  const hint = 'features/customers/metadata/version-hint.text';
  let root: string;
  let store: LocalObjectStore;
  let catalog: FolderCatalog;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'fti-folder-catalog-'));
    store = new LocalObjectStore({ root });
    catalog = new FolderCatalog({ store });
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  async function commitThree(): Promise<LoadedTable> {
    let table = await catalog.createTable(id, sampleTableMetadata({ location: catalog.defaultLocation(id) }));
    for (let i = 0; i < 3; i++) {
      table = await catalog.commitTable(table, { ...table.metadata, properties: { step: String(i) } });
    }
    return table;
  }

  it('writes v<N>.metadata.json and a version hint holding N', async () => {
    const table = await commitThree();
    expect(table.version).toBe('4');
    expect(table.metadataLocation).toBe(`${store.rootUri}/features/customers/metadata/v4.metadata.json`);
    expect(new TextDecoder().decode(await store.get(hint))).toBe('4');
    expect((await store.list('features/customers/metadata/')).map((o) => o.key.split('/').at(-1))).toEqual([
      'v1.metadata.json',
      'v2.metadata.json',
      'v3.metadata.json',
      'v4.metadata.json',
      'version-hint.text',
    ]);
  });

  it('probes past a stale hint and recovers from a missing or garbled one', async () => {
    await commitThree();
    for (const text of ['1', 'not a number']) {
      await store.put(hint, new TextEncoder().encode(text));
      const loaded = await catalog.loadTable(id);
      expect(loaded.version).toBe('4');
      expect(loaded.metadata.properties).toEqual({ step: '2' });
    }
    await store.delete([hint]);
    expect((await catalog.loadTable(id)).version).toBe('4');
  });

  it('reports corrupt metadata naming the file', async () => {
    await commitThree();
    await store.put('features/customers/metadata/v4.metadata.json', new TextEncoder().encode('{"format'));
    const error = await catalog.loadTable(id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorruptTableError);
    expect((error as CorruptTableError).file).toBe(
      `${store.rootUri}/features/customers/metadata/v4.metadata.json`,
    );
  });

  it('drops without purge by removing only the metadata JSON and hint', async () => {
    await commitThree();
    await store.put('features/customers/data/part-0.parquet', new Uint8Array([7]));
    await catalog.dropTable(id);
    await expect(catalog.loadTable(id)).rejects.toBeInstanceOf(TableNotFoundError);
    expect((await store.list('features/')).map((o) => o.key)).toEqual([
      'features/customers/data/part-0.parquet',
    ]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Catalog, LoadedTable, TableIdentifier } from '../catalog/catalog.js';
import { CommitConflict } from '../catalog/catalog.js';
import { InvalidKeyError, TableExistsError, TableNotFoundError } from '../errors.js';
import type { TableMetadata } from '../iceberg/types.js';
import { sampleTableMetadata } from './sample-table-metadata.js';

/** A fresh, empty catalog for one test and how to dispose of it. */
export interface CatalogFixture {
  catalog: Catalog;
  cleanup(): Promise<void>;
}

const ID: TableIdentifier = { namespace: 'features', name: 'customers' };

/** `base`'s metadata with one property changed and the clock moved on, as a writer's commit would. */
function nextMetadata(base: LoadedTable, writer: string): TableMetadata {
  return {
    ...base.metadata,
    lastUpdatedMs: base.metadata.lastUpdatedMs + 1000,
    properties: { ...base.metadata.properties, writer },
  };
}

/**
 * Registers one vitest suite every {@link Catalog} must pass unchanged: create, load, commit, list, drop,
 * optimistic concurrency (of writers from the same base exactly one wins), name validation and
 * TableNotFoundError. `make` returns a new, empty catalog for each test.
 */
export function describeCatalogContract(name: string, make: () => Promise<CatalogFixture>): void {
  describe(`Catalog contract: ${name}`, () => {
    let fixture: CatalogFixture;
    let catalog: Catalog;
    beforeEach(async () => {
      fixture = await make();
      catalog = fixture.catalog;
    });
    afterEach(async () => {
      await fixture.cleanup();
    });

    const create = (id: TableIdentifier = ID): Promise<LoadedTable> =>
      catalog.createTable(id, sampleTableMetadata({ location: catalog.defaultLocation(id) }));

    it('places new tables at <warehouse>/<namespace>/<name>', () => {
      expect(catalog.defaultLocation(ID)).toBe(`${catalog.store.rootUri}/features/customers`);
    });

    it('creates a table and loads the same metadata back', async () => {
      const created = await create();
      const loaded = await catalog.loadTable(ID);
      expect(loaded.identifier).toEqual(ID);
      expect(loaded.metadata).toEqual(created.metadata);
      expect(loaded.metadata.location).toBe(catalog.defaultLocation(ID));
      expect(loaded.metadataLocation).toBe(created.metadataLocation);
      expect(loaded.metadataLocation.startsWith(`${catalog.defaultLocation(ID)}/metadata/`)).toBe(true);
      expect(loaded.metadataLocation).toMatch(/\.metadata\.json$/);
      expect(loaded.version).toBe(created.version);
    });

    it('refuses to create a table twice', async () => {
      await create();
      await expect(create()).rejects.toBeInstanceOf(TableExistsError);
    });

    it('commits new versions and logs every previous metadata file', async () => {
      let table = await create();
      const locations = [table.metadataLocation];
      for (const writer of ['a', 'b', 'c']) {
        table = await catalog.commitTable(table, nextMetadata(table, writer));
        locations.push(table.metadataLocation);
      }
      const loaded = await catalog.loadTable(ID);
      expect(loaded.metadata.properties).toEqual({ writer: 'c' });
      expect(loaded.metadataLocation).toBe(locations[3]);
      expect(loaded.version).toBe(table.version);
      expect(new Set(locations).size).toBe(4);
      expect(loaded.metadata.metadataLog.map((e) => e.metadataFile)).toEqual(locations.slice(0, 3));
      expect(loaded.metadata.metadataLog[0]?.timestampMs).toBe(1_700_000_000_000);
    });

    it('rejects a commit from a stale base: of two writers from one base exactly one wins', async () => {
      const base = await create();
      const first = await catalog.commitTable(base, nextMetadata(base, 'first'));
      await expect(catalog.commitTable(base, nextMetadata(base, 'second'))).rejects.toBeInstanceOf(
        CommitConflict,
      );
      const loaded = await catalog.loadTable(ID);
      expect(loaded.metadata.properties).toEqual({ writer: 'first' });
      expect(loaded.metadataLocation).toBe(first.metadataLocation);
    });

    it('lets exactly one of 8 concurrent committers from the same base win', async () => {
      const base = await create();
      const writers = Array.from({ length: 8 }, (_, i) => `w${i}`);
      const results = await Promise.allSettled(
        writers.map((w) => catalog.commitTable(base, nextMetadata(base, w))),
      );
      const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [writers[i]] : []));
      const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
      expect(won).toHaveLength(1);
      expect(lost.every((e) => e instanceof CommitConflict)).toBe(true);
      const loaded = await catalog.loadTable(ID);
      expect(loaded.metadata.properties).toEqual({ writer: won[0] });
      expect(loaded.metadata.metadataLog.map((e) => e.metadataFile)).toEqual([base.metadataLocation]);
    });

    it('lists the tables of a namespace sorted by name', async () => {
      for (const name of ['orders', 'customers', 'returns']) await create({ namespace: 'features', name });
      await create({ namespace: 'other', name: 'zeta' });
      expect(await catalog.listTables('features')).toEqual([
        { namespace: 'features', name: 'customers' },
        { namespace: 'features', name: 'orders' },
        { namespace: 'features', name: 'returns' },
      ]);
      expect(await catalog.listTables('empty_ns')).toEqual([]);
    });

    it('drops a table, and with purge every file under its location', async () => {
      const table = await create();
      await create({ namespace: 'features', name: 'orders' });
      const prefix = `${table.metadata.location.slice(catalog.store.rootUri.length + 1)}/`;
      await catalog.store.put(`${prefix}data/part-0.parquet`, new Uint8Array([1, 2, 3]));
      await catalog.dropTable(ID, { purge: true });
      await expect(catalog.loadTable(ID)).rejects.toBeInstanceOf(TableNotFoundError);
      expect(await catalog.store.list(prefix)).toEqual([]);
      expect(await catalog.listTables('features')).toEqual([{ namespace: 'features', name: 'orders' }]);
      await catalog.dropTable({ namespace: 'features', name: 'orders' });
      await expect(catalog.loadTable({ namespace: 'features', name: 'orders' })).rejects.toBeInstanceOf(
        TableNotFoundError,
      );
      const recreated = await create();
      expect((await catalog.loadTable(ID)).metadataLocation).toBe(recreated.metadataLocation);
    });

    it('throws TableNotFoundError naming a missing table', async () => {
      const error = await catalog
        .loadTable({ namespace: 'features', name: 'missing' })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TableNotFoundError);
      expect((error as TableNotFoundError).table).toBe('features.missing');
      await expect(catalog.dropTable({ namespace: 'features', name: 'missing' })).rejects.toBeInstanceOf(
        TableNotFoundError,
      );
    });

    it('rejects namespaces and names outside [a-z0-9_]+, including escapes', async () => {
      const bad: TableIdentifier[] = [
        { namespace: '..', name: 't' },
        { namespace: 'features', name: '../t' },
        { namespace: 'Features', name: 't' },
        { namespace: 'features', name: 'a-b' },
        { namespace: 'features', name: '' },
        { namespace: 'a/b', name: 't' },
      ];
      for (const id of bad) {
        const label = `${id.namespace}.${id.name}`;
        expect(() => catalog.defaultLocation(id), label).toThrow(InvalidKeyError);
        await expect(catalog.loadTable(id), label).rejects.toBeInstanceOf(InvalidKeyError);
        await expect(catalog.dropTable(id), label).rejects.toBeInstanceOf(InvalidKeyError);
        const metadata = sampleTableMetadata({ location: `${catalog.store.rootUri}/x` });
        await expect(catalog.createTable(id, metadata), label).rejects.toBeInstanceOf(InvalidKeyError);
      }
      await expect(catalog.listTables('../x')).rejects.toBeInstanceOf(InvalidKeyError);
      expect(await catalog.store.list('')).toEqual([]);
    });
  });
}

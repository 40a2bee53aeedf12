import type { DataSource } from '../engine/write-data-files.js';
import { InvalidInputError } from '../errors.js';
import type { Filter } from '../iceberg/filter.js';
import type { DataFile } from '../iceberg/types.js';
import { assertInsideFilter } from './assert-inside-filter.js';
import { commitSnapshot } from './commit-snapshot.js';
import { rewriteMatchingFiles } from './rewrite-matching-files.js';
import { type StageOptions, stageDataFiles } from './stage-data-files.js';
import type { Table } from './table-env.js';

/** What a {@link TableWriter}'s commit does: add its files, or replace the rows matching `where` with them. */
export type TableWriteMode = { kind: 'append' } | { kind: 'overwrite'; where: Filter };

/** Options of {@link openTableWriter}. */
export interface OpenTableWriterOptions extends StageOptions {
  /** Append (default), or overwrite the rows matching a filter (every written row must match it). */
  mode?: TableWriteMode;
}

/** Writes a table's data in pieces, each straight into the table's data folder, then commits them at once. */
export interface TableWriter {
  /**
   * Validates `source` against the table schema and writes it as Parquet data files (field ids, one
   * partition per file, manifest stats) into the table's data folder; nothing is visible until
   * {@link TableWriter.commit}. Writes run one at a time in call order. Bad input throws an
   * InvalidInputError naming the column and leaves no file of this write behind.
   */
  write(source: DataSource): Promise<{ files: number; rows: number }>;
  /**
   * Commits every file written so far as one snapshot (an append, or an overwrite removing the rows matching
   * `where`, files partly matching rewritten). A failed commit removes the written files.
   */
  commit(options?: { properties?: Record<string, string> }): Promise<Table>;
  /** Removes every file written so far (after a failure elsewhere); the writer cannot be used after. */
  abort(): Promise<void>;
  /** Rows and files written so far. */
  readonly rows: number;
  readonly files: number;
}

/**
 * Opens a writer for bulk loads produced piece by piece (streamed scoring, chunked imports): each piece is
 * encoded to Parquet once, directly as a data file of the table, and the pieces land together in one
 * snapshot with the same guarantees as {@link appendData} and {@link overwriteWhere} (validation, Iceberg
 * field ids and stats, optimistic commit, all or nothing).
 */
export function openTableWriter(table: Table, options: OpenTableWriterOptions = {}): TableWriter {
  const { env } = table;
  const mode = options.mode ?? { kind: 'append' };
  const written: DataFile[] = [];
  let queue: Promise<unknown> = Promise.resolve();
  let state: 'open' | 'committing' | 'closed' = 'open';
  let rows = 0;

  const ensureOpen = (verb: string) => {
    if (state !== 'open')
      throw new InvalidInputError(`cannot ${verb}: the table writer was already committed or aborted`);
  };

  async function removeWritten(): Promise<void> {
    const keys = written.map((f) => env.files.keyOf(f.filePath));
    written.length = 0;
    if (keys.length > 0) await env.files.store.delete(keys).catch(() => undefined);
  }

  async function writeNow(source: DataSource): Promise<{ files: number; rows: number }> {
    const added = await stageDataFiles(table, source, options);
    if (mode.kind === 'overwrite' && added.length > 0) {
      try {
        await assertInsideFilter(table, added, mode.where);
      } catch (error) {
        await env.files.store.delete(added.map((f) => env.files.keyOf(f.filePath))).catch(() => undefined);
        throw error;
      }
    }
    written.push(...added);
    const count = added.reduce((sum, f) => sum + f.recordCount, 0);
    rows += count;
    return { files: added.length, rows: count };
  }

  return {
    get rows() {
      return rows;
    },
    get files() {
      return written.length;
    },
    write(source) {
      ensureOpen('write');
      const next = queue.then(() => writeNow(source));
      queue = next.catch(() => undefined);
      return next;
    },
    async commit(commitOptions = {}) {
      ensureOpen('commit');
      state = 'committing';
      await queue;
      const properties = commitOptions.properties ? { properties: commitOptions.properties } : {};
      try {
        if (mode.kind === 'append' && written.length === 0) return table;
        return await commitSnapshot(table, {
          operation: mode.kind,
          added: [...written],
          ...(mode.kind === 'overwrite'
            ? { replace: (base, uploaded) => rewriteMatchingFiles(table, base, mode.where, uploaded) }
            : {}),
          ...properties,
        });
      } finally {
        // commitSnapshot removes its files itself when it fails; either way they are no longer ours.
        written.length = 0;
        state = 'closed';
      }
    },
    async abort() {
      if (state === 'closed') return;
      state = 'closed';
      await queue;
      await removeWritten();
    },
  };
}

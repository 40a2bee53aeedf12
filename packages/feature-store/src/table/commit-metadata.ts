import { CommitConflict } from '../catalog/catalog.js';
import { CommitConflictError } from '../errors.js';
import type { TableMetadata } from '../iceberg/types.js';
import { backoffDelay } from './backoff-delay.js';
import type { Table } from './table-env.js';

/**
 * Commits a metadata-only change (schema evolution, snapshot expiry) with optimistic concurrency: `update`
 * is applied to the current metadata, and re-applied to freshly loaded metadata after a lost race.
 */
export async function commitMetadata(
  table: Table,
  update: (base: TableMetadata) => TableMetadata | Promise<TableMetadata>,
): Promise<Table> {
  const { env } = table;
  let base = table.loaded;
  for (let attempt = 1; attempt <= env.retry.attempts; attempt++) {
    if (attempt > 1) {
      await env.sleep(backoffDelay(env.retry, attempt - 1, env.random));
      base = await env.catalog.loadTable(base.identifier);
    }
    const next = await update(base.metadata);
    try {
      return {
        env,
        loaded: await env.catalog.commitTable(base, {
          ...next,
          lastUpdatedMs: Math.max(env.now(), base.metadata.lastUpdatedMs),
        }),
      };
    } catch (error) {
      if (!(error instanceof CommitConflict)) throw error;
    }
  }
  throw new CommitConflictError(`${base.identifier.namespace}.${base.identifier.name}`, env.retry.attempts);
}

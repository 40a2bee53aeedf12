import { quoteLiteral } from '@fti/feature-store';
import { FeaturePipelineError } from '../errors.js';
import type { ExtractContext, Extracted } from './extract-context.js';
import { localCopies } from './local-copies.js';
import type { AthenaSource } from './source-config.js';
import { viewOver } from './view-over.js';

/**
 * Extracts an Athena query: the engine UNLOADs its result to Parquet on S3, the files its manifest lists are
 * downloaded to the cache, and a view `"<name>"` reads them.
 */
export async function extractAthena(source: AthenaSource, ctx: ExtractContext): Promise<Extracted> {
  if (!ctx.athena) {
    throw new FeaturePipelineError(
      `source \`${source.name}\` is an Athena query: give the extract context an engine (\`athena\`)`,
    );
  }
  const unloaded = await ctx.athena.unloadToParquet(source.sql, {
    ...(ctx.signal ? { signal: ctx.signal } : {}),
    ...(source.timeoutMs !== undefined ? { timeoutMs: source.timeoutMs } : {}),
  });
  if (unloaded.uris.length === 0) {
    throw new FeaturePipelineError(
      `source \`${source.name}\`: Athena query ${unloaded.queryId} unloaded no Parquet file (an empty result has ` +
        'no schema to read); check the query returns rows',
    );
  }
  const paths = await localCopies(source.name, unloaded.uris, ctx);
  const list = paths.map((p) => quoteLiteral(p)).join(', ');
  const { relation, rowCount } = await viewOver(
    ctx.warehouse.db,
    source.name,
    `SELECT * FROM read_parquet([${list}])`,
  );
  return {
    name: source.name,
    relation,
    rowCount,
    lineage: { kind: 'athena', queryId: unloaded.queryId, uris: unloaded.uris },
  };
}

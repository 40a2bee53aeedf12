import { resolve } from 'node:path';
import type { z } from 'zod';
import { InvalidStorageConfigError } from './errors.js';
import { splitStorageFields } from './split-storage-fields.js';
import { type AwsSettings, StorageConfigSchema } from './storage-config.js';
import { formatStoreLocation, resolveStoreLocation, type StoreLocation } from './store-location.js';

/** One source of storage fields: a job config, a `--storage` file, or command-line flags. */
export interface StorageLayer {
  /** The fields as written (other keys are ignored, so a whole job config can be passed). */
  raw: Record<string, unknown> | undefined;
  /** Folder relative local paths resolve against: the file's folder, or the working directory for flags. */
  baseDir: string;
  /** The file or flag the fields come from, for error messages. */
  source: string;
}

/** Athena settings with their defaults filled in. */
export interface AthenaPlan {
  workGroup: string;
  outputLocation: string;
  unloadLocation: string;
  database?: string;
  catalog?: string;
}

/** What a job will open: every location resolved, defaults filled in, cross-field rules checked. */
export interface StoragePlan {
  warehouse: StoreLocation;
  catalog: 'folder' | 'glue';
  engine: 'duckdb' | 'athena';
  /** Set when `engine` is `athena`. */
  athena: AthenaPlan | undefined;
  registry: StoreLocation;
  aws: AwsSettings;
}

/** Options of {@link planStorage}. */
export interface PlanStorageOptions {
  /** Later layers override earlier ones field by field (`aws` and `athena` key by key). */
  layers: StorageLayer[];
  /** Folder the default locations (`.fti/warehouse`, `.fti/registry`) resolve against; default the working directory. */
  defaultsDir?: string;
}

type Merged = {
  warehouse?: StoreLocation;
  catalog?: 'folder' | 'glue';
  engine?: 'duckdb' | 'athena';
  athena?: Record<string, string | undefined>;
  registry?: StoreLocation;
  aws?: AwsSettings;
};

/**
 * Parses and merges the storage fields of each layer, resolves local paths against the layer's folder, and
 * checks the rules a storage setup must follow (Glue and Athena need an `s3://` warehouse).
 * @throws InvalidStorageConfigError naming the source and field of every problem.
 */
export function planStorage(options: PlanStorageOptions): StoragePlan {
  const merged: Merged = {};
  for (const layer of options.layers) {
    if (layer.raw === undefined) continue;
    const parsed = StorageConfigSchema.safeParse(splitStorageFields(layer.raw).storage);
    if (!parsed.success)
      throw new InvalidStorageConfigError(layer.source, describeIssues(parsed.error), {
        cause: parsed.error,
      });
    const fields = parsed.data;
    if (fields.warehouse && 'legacy' in fields.warehouse) {
      const { legacy, ...location } = fields.warehouse;
      merged.warehouse = location;
      if (legacy.catalog) merged.catalog = legacy.catalog;
      merged.aws = { ...merged.aws, ...legacy.aws };
    } else if (fields.warehouse) {
      merged.warehouse = resolveStoreLocation(fields.warehouse, layer.baseDir);
    }
    if (fields.catalog) merged.catalog = fields.catalog;
    if (fields.engine) merged.engine = fields.engine;
    if (fields.athena) merged.athena = { ...merged.athena, ...fields.athena };
    if (fields.registry) merged.registry = resolveStoreLocation(fields.registry, layer.baseDir);
    if (fields.aws) merged.aws = { ...merged.aws, ...fields.aws };
  }
  return finish(merged, options);
}

function finish(merged: Merged, options: PlanStorageOptions): StoragePlan {
  const sources = options.layers.map((l) => l.source).join(', ') || 'defaults';
  const defaultsDir = options.defaultsDir ?? resolve('.');
  const warehouse = merged.warehouse ?? { kind: 'local', path: resolve(defaultsDir, '.fti/warehouse') };
  const registry = merged.registry ?? { kind: 'local', path: resolve(defaultsDir, '.fti/registry') };
  const catalog = merged.catalog ?? 'folder';
  const engine = merged.engine ?? 'duckdb';
  const problems: string[] = [];
  if (catalog === 'glue' && warehouse.kind !== 's3')
    problems.push(
      'catalog: `glue` needs an S3 warehouse (Glue tables point at metadata on S3); set `warehouse: s3://<bucket>/<prefix>` or `catalog: folder`',
    );
  if (engine === 'athena' && warehouse.kind !== 's3')
    problems.push(
      'engine: `athena` reads and unloads on S3; set `warehouse: s3://<bucket>/<prefix>` (and `catalog: glue` so Athena sees the tables) or `engine: duckdb`',
    );
  if (merged.athena && engine !== 'athena')
    problems.push(
      'athena: settings given but `engine` is not `athena`; set `engine: athena` or remove `athena`',
    );
  if (problems.length > 0) throw new InvalidStorageConfigError(sources, problems);
  const root = formatStoreLocation(warehouse);
  const athena: AthenaPlan | undefined =
    engine === 'athena'
      ? {
          workGroup: merged.athena?.workgroup ?? 'primary',
          outputLocation: withSlash(merged.athena?.outputLocation ?? `${root}/_athena/results/`),
          unloadLocation: withSlash(merged.athena?.unloadLocation ?? `${root}/_athena/unload/`),
          ...(merged.athena?.database ? { database: merged.athena.database } : {}),
          ...(merged.athena?.catalog ? { catalog: merged.athena.catalog } : {}),
        }
      : undefined;
  return { warehouse, catalog, engine, athena, registry, aws: merged.aws ?? {} };
}

/** One line per issue, `field: message`; a union's failure reports the issues of the branch of the value's type. */
function describeIssues(error: z.ZodError): string[] {
  const lines = (issues: readonly z.core.$ZodIssue[], path: PropertyKey[]): string[] =>
    issues.flatMap((issue) => {
      const at = [...path, ...issue.path];
      if (issue.code === 'invalid_union') {
        const branch = issue.errors.find(
          (branchIssues) => !branchIssues.some((i) => i.code === 'invalid_type' && i.path.length === 0),
        );
        if (branch) return lines(branch, at);
      }
      return [`${at.map(String).join('.') || '(root)'}: ${issue.message}`];
    });
  return lines(error.issues, []);
}

function withSlash(uri: string): string {
  return uri.endsWith('/') ? uri : `${uri}/`;
}

import { planJobStorage, readStorageFile, type StoragePlan, splitStorageFields } from '@fti/job-storage';
import { type MonitoringConfig, parseMonitoringConfig } from '@fti/monitoring';

/** A monitoring job file read: the monitoring config and where its tables and reports live. */
export interface MonitoringJob {
  config: MonitoringConfig;
  storage: StoragePlan;
}

/**
 * Reads a monitoring job file (YAML or JSON): its storage fields (`warehouse`, `catalog`, `registry`, `aws`,
 * see `@fti/job-storage`) are planned with `--storage <file>` and `--warehouse` over them; the rest is the
 * monitoring config, validated by `@fti/monitoring`. Local folders default to the working directory's `.fti/`.
 */
export async function readMonitoringJob(args: {
  config: string;
  storage?: string | undefined;
  warehouse?: string | undefined;
  registry?: string | undefined;
}): Promise<MonitoringJob> {
  const file = await readStorageFile(args.config);
  const { rest } = splitStorageFields(file.raw ?? {});
  const storage = await planJobStorage({
    job: file,
    storageFile: args.storage,
    flags: { warehouse: args.warehouse, registry: args.registry },
  });
  // JSON is YAML: the monitoring package parses and validates the rest with its own schema.
  return { config: parseMonitoringConfig(JSON.stringify(rest), args.config), storage };
}

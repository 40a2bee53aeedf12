/** One job config schema the reference documents: where its zod schema lives and which files use it. */
export interface ConfigSchemaEntry {
  /** File stem of the generated files: `docs/config/<name>.schema.json`. */
  name: string;
  /** Heading in docs/config/README.md. */
  title: string;
  /** Workspace-relative TypeScript module exporting the schema. */
  module: string;
  /** Name of the exported zod schema. */
  exportName: string;
  /** Workspace-relative example configs that must validate against the generated JSON Schema. */
  examples: string[];
  /** How the job receives this config, one sentence. */
  usage: string;
  /** Workspace-relative source folders whose JSDoc describes fields that have no zod `.describe()`. */
  sources: string[];
  /**
   * The job's app takes the storage fields (`StorageConfigSchema` of @fti/job-storage: warehouse, catalog,
   * engine, athena, registry, aws) out of the file before its own schema sees the rest, except `sharedKeys`,
   * which it passes to both (the feature job's `engine`): the file's schema is both.
   */
  withStorageFields?: { sharedKeys: string[] };
}

/** The storage switch every job file may carry. */
export const storageSchemaEntry: ConfigSchemaEntry = {
  name: 'storage',
  title: 'Storage',
  module: 'packages/job-storage/src/storage-config.ts',
  exportName: 'StorageConfigSchema',
  examples: ['examples/online-retail/aws/storage.yaml'],
  usage:
    'The same six fields in any job file, or a file of their own passed with `--storage <file>`: local folders and DuckDB by default; S3, Glue and Athena when set.',
  sources: ['packages/job-storage/src'],
};

/**
 * Every job's config schema, declared once: the generator turns each into JSON Schema (input side: what a
 * user writes, defaults optional) and a table, and the test validates each example against it.
 */
export const configSchemas: ConfigSchemaEntry[] = [
  {
    name: 'feature-job',
    title: 'Feature job',
    module: 'packages/feature-pipeline/src/run/feature-pipeline-config.ts',
    exportName: 'FeaturePipelineConfigSchema',
    examples: ['examples/online-retail/feature-job.yaml', 'examples/online-retail/aws/feature-job.yaml'],
    usage:
      '`npx nx run feature:start -- --config <file>` (YAML or JSON; `--date`, `--from/--to/--every`, `--warehouse` override the file).',
    sources: ['packages/feature-pipeline/src', 'packages/job-storage/src'],
    withStorageFields: { sharedKeys: ['engine'] },
  },
  {
    name: 'training-job',
    title: 'Training job',
    module: 'apps/training/src/training-job.ts',
    exportName: 'TrainingJobSchema',
    examples: ['examples/online-retail/training-job.yaml', 'examples/online-retail/aws/training-job.yaml'],
    usage:
      '`npx nx run training:start -- --config <file>` (YAML or JSON; relative folders resolve against the file).',
    sources: ['apps/training/src', 'packages/training-pipeline/src'],
  },
  {
    name: 'inference-job',
    title: 'Inference job',
    module: 'apps/inference/src/config.ts',
    exportName: 'InferenceConfigSchema',
    examples: [],
    usage:
      '`npx nx run inference:start -- --model <name> --date <YYYY-MM-DD> ...`: command-line flags, one per field (`--batch-rows` for `batchRows`).',
    sources: ['apps/inference/src'],
  },
  {
    name: 'monitoring-job',
    title: 'Monitoring job',
    module: 'packages/monitoring/src/run/monitoring-config.ts',
    exportName: 'MonitoringConfigSchema',
    examples: [
      'examples/online-retail/monitoring-job.yaml',
      'examples/online-retail/model-monitoring-job.yaml',
      'examples/online-retail/aws/monitoring-job.yaml',
    ],
    usage: '`npx nx run monitoring:start -- --config <file>` (YAML or JSON).',
    sources: ['packages/monitoring/src', 'packages/job-storage/src'],
    withStorageFields: { sharedKeys: [] },
  },
  {
    name: 'serving',
    title: 'Serving',
    module: 'apps/serving/src/config.ts',
    exportName: 'ServingConfigSchema',
    examples: [],
    usage:
      '`npx nx run serving:start -- --model <name> ...`: command-line flags, one per field (`--max-batch-rows` for `maxBatchRows`), some also from `FTI_SERVING_*` variables.',
    sources: ['apps/serving/src'],
  },
  storageSchemaEntry,
];

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
}

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
    examples: ['examples/online-retail/feature-job.yaml'],
    usage:
      '`npx nx run feature:start -- --config <file>` (YAML or JSON; `--date`, `--from/--to/--every`, `--warehouse` override the file).',
    sources: ['packages/feature-pipeline/src'],
  },
  {
    name: 'training-job',
    title: 'Training job',
    module: 'apps/training/src/training-job.ts',
    exportName: 'TrainingJobSchema',
    examples: ['examples/online-retail/training-job.yaml'],
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
    examples: ['examples/online-retail/monitoring-job.yaml'],
    usage: '`npx nx run monitoring:start -- --config <file>` (YAML or JSON).',
    sources: ['packages/monitoring/src'],
  },
];

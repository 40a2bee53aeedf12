import { z } from 'zod';
import { InvalidInputError } from '../errors.js';
import { deepFreeze } from './deep-freeze.js';
import { type Entity, EntitySchema } from './entity.js';
import { NameSchema } from './name-schema.js';
import { parseDefinition } from './parse-definition.js';
import { parseTtl } from './parse-ttl.js';

const featureTypes = ['boolean', 'int', 'long', 'float', 'double', 'date', 'timestamp', 'string'] as const;

/** Iceberg primitive types a feature may have (the ones this library writes). */
export const FeatureTypeSchema = z.enum(featureTypes, {
  error: (issue) => `unknown type ${JSON.stringify(issue.input)}; use one of ${featureTypes.join(', ')}`,
});
/** Iceberg type of a feature column. */
export type FeatureType = z.infer<typeof FeatureTypeSchema>;

/** One typed, documented feature (a column of the view's table). */
export const FeatureSchema = z.strictObject({
  name: NameSchema,
  type: FeatureTypeSchema,
  description: z.string(),
  /** Whether the column is Iceberg-`required` (never null); default false. */
  required: z.boolean().default(false),
});
export type Feature = Readonly<z.output<typeof FeatureSchema>>;

/** One field of a feature view's partition spec; `day`/`month` apply to date and timestamp columns only. */
export const PartitionFieldSchema = z.strictObject({
  column: NameSchema,
  transform: z.enum(['identity', 'day', 'month'], {
    error: (issue) => `unknown transform ${JSON.stringify(issue.input)}; use identity, day or month`,
  }),
});
export type PartitionField = Readonly<z.output<typeof PartitionFieldSchema>>;

const TtlSchema = z.string().superRefine((ttl, ctx) => {
  try {
    parseTtl(ttl);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message.replace(/^ttl /, '') });
  }
});

/**
 * The definition of a feature view: a versioned set of typed features about one or more entities, stamped
 * with an event time and valid for `ttl` after it. Serialisable; stored with the view's Iceberg table under
 * the `fti.feature-view` property so every pipeline reads the same contract.
 */
export const FeatureViewSchema = z.strictObject({
  name: NameSchema,
  version: z.number().int('must be a positive integer').positive('must be a positive integer'),
  /** Entities the features describe: names of entities passed to `defineFeatureView`, or inline entities. */
  entities: z.array(z.union([NameSchema, EntitySchema])).min(1, 'needs at least one entity'),
  /** Column holding when the feature values became known; default `feature_date`. */
  eventTimeColumn: NameSchema.default('feature_date'),
  /** Iceberg type of the event-time column; default `date`. */
  eventTimeType: z.enum(['date', 'timestamp']).default('date'),
  features: z.array(FeatureSchema).min(1, 'needs at least one feature'),
  /** How long a value stays valid after its event time: an ISO-8601 duration of fixed length, e.g. `P90D`. */
  ttl: TtlSchema,
  owner: z.string().min(1, 'must name an owner'),
  tags: z.record(z.string(), z.string()).default({}),
  description: z.string(),
  /** Partition spec of the view's table; default `[{ column: eventTimeColumn, transform: 'month' }]`. */
  partition: z.array(PartitionFieldSchema).optional(),
});

/** What {@link defineFeatureView} accepts. */
export type FeatureViewInput = z.input<typeof FeatureViewSchema>;

/** A validated, frozen feature view: entities resolved inline, defaults applied. */
export interface FeatureView {
  readonly name: string;
  readonly version: number;
  readonly entities: readonly Entity[];
  readonly eventTimeColumn: string;
  readonly eventTimeType: 'date' | 'timestamp';
  readonly features: readonly Feature[];
  readonly ttl: string;
  readonly owner: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly description: string;
  readonly partition: readonly PartitionField[];
}

/** Options of {@link defineFeatureView}. */
export interface DefineFeatureViewOptions {
  /** Entities that `input.entities` may name; default none (every entity inline). */
  entities?: readonly Entity[];
}

/**
 * Validates a feature view definition, resolves entity names against `options.entities`, applies defaults
 * and returns it frozen. Throws InvalidInputError naming the field on a bad definition: a bad name, an
 * unknown type, a bad TTL, duplicate features, a feature named like a join key or the event-time column,
 * an unknown entity, a partition on a missing column.
 */
export function defineFeatureView(
  input: FeatureViewInput,
  options: DefineFeatureViewOptions = {},
): FeatureView {
  const what = typeof input?.name === 'string' ? `feature view \`${input.name}\`` : 'feature view';
  const parsed = parseDefinition(FeatureViewSchema, input, what);
  const fail = (field: string, message: string): never => {
    throw new InvalidInputError(`${what}: ${field} ${message}`, field);
  };

  const entities = parsed.entities.map((entity, i): Entity => {
    if (typeof entity !== 'string') return entity;
    const known = options.entities?.find((e) => e.name === entity);
    return (
      known ??
      fail(
        `entities[${i}]`,
        `names entity \`${entity}\`, which is not defined; pass it inline or in options.entities`,
      )
    );
  });

  const columns = new Map<string, { field: string; type: string }>();
  const claim = (name: string, field: string, type: string): void => {
    const owner = columns.get(name);
    if (owner) fail(field, `\`${name}\` is already used by ${owner.field}; every column name must be unique`);
    columns.set(name, { field, type });
  };
  const entityNames = new Set<string>();
  entities.forEach((entity, i) => {
    if (entityNames.has(entity.name)) fail(`entities[${i}]`, `repeats entity \`${entity.name}\``);
    entityNames.add(entity.name);
    entity.joinKeys.forEach((key, k) => {
      claim(key.name, `entities[${i}].joinKeys[${k}].name`, key.type);
    });
  });
  claim(parsed.eventTimeColumn, 'eventTimeColumn', parsed.eventTimeType);
  parsed.features.forEach((feature, i) => {
    claim(feature.name, `features[${i}].name`, feature.type);
  });

  const partition = parsed.partition ?? [{ column: parsed.eventTimeColumn, transform: 'month' as const }];
  const partitioned = new Set<string>();
  partition.forEach((field, i) => {
    const type = columns.get(field.column)?.type;
    if (!type) fail(`partition[${i}].column`, `\`${field.column}\` is not a column of the view`);
    if (field.transform !== 'identity' && type !== 'date' && type !== 'timestamp') {
      fail(`partition[${i}].transform`, `${field.transform} needs a date or timestamp column, not ${type}`);
    }
    const key = `${field.column}/${field.transform}`;
    if (partitioned.has(key)) fail(`partition[${i}]`, `repeats ${field.transform}(${field.column})`);
    partitioned.add(key);
  });

  return deepFreeze({ ...parsed, entities: entities.map((e) => structuredClone(e)), partition });
}

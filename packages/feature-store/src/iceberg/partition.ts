import { z } from 'zod';
import { InvalidInputError } from '../errors.js';
import { canTransform } from './transform.js';
import type { PartitionSpec, PrimitiveType, Schema } from './types.js';

/** How a table is partitioned: source column names and the transforms this library writes. */
export const PartitionDefinitionSchema = z.array(
  z.object({
    /** Name of a top-level column of the schema. */
    column: z.string().min(1),
    /** `month` = months since 1970-01, `day` = days since epoch, `year` = years since 1970. */
    transform: z.enum(['identity', 'day', 'month', 'year']),
  }),
);
export type PartitionDefinition = z.infer<typeof PartitionDefinitionSchema>;

/** Options of {@link createPartitionSpec}. */
export interface CreatePartitionSpecOptions {
  /** Id of the new spec. Default: 0. */
  specId?: number;
  /** The table's `last-partition-id`; new fields get the ids after it. Default: 999 (so the first is 1000). */
  lastPartitionId?: number;
}

/**
 * Turns a partition definition into an Iceberg partition spec against `schema`: field ids from
 * `lastPartitionId + 1` (1000 for a new table), names `<column>` for identity and `<column>_<transform>`
 * otherwise (`feature_date_month`).
 * @throws InvalidInputError naming the column when it is unknown, nested, repeated, or does not fit the transform.
 */
export function createPartitionSpec(
  definition: PartitionDefinition,
  schema: Schema,
  options: CreatePartitionSpecOptions = {},
): PartitionSpec {
  const parsed = PartitionDefinitionSchema.safeParse(definition);
  if (!parsed.success) {
    throw new InvalidInputError(`invalid partition definition: ${z.prettifyError(parsed.error)}`);
  }
  let nextId = (options.lastPartitionId ?? 999) + 1;
  const names = new Set<string>();
  const fields = parsed.data.map(({ column, transform }) => {
    const source = schema.fields.find((f) => f.name === column);
    if (!source) {
      const known = schema.fields.map((f) => f.name).join(', ');
      throw new InvalidInputError(
        `partition column \`${column}\` is not in the schema (columns: ${known})`,
        column,
      );
    }
    if (typeof source.type !== 'string' || !canTransform(transform, source.type as PrimitiveType)) {
      throw new InvalidInputError(
        `partition transform \`${transform}\` does not apply to column \`${column}\` of type ${JSON.stringify(source.type)}; day/month/year need a date or timestamp column`,
        column,
      );
    }
    const name = transform === 'identity' ? column : `${column}_${transform}`;
    if (names.has(name.toLowerCase())) {
      throw new InvalidInputError(`partition field \`${name}\` is defined twice`, column);
    }
    names.add(name.toLowerCase());
    return { sourceId: source.id, fieldId: nextId++, name, transform };
  });
  return { specId: options.specId ?? 0, fields };
}

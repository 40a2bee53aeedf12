import { z } from 'zod';
import { deepFreeze } from './deep-freeze.js';
import { NameSchema } from './name-schema.js';
import { parseDefinition } from './parse-definition.js';

/** Iceberg types a join key may have. */
export const JoinKeyTypeSchema = z.enum(['int', 'long', 'string'], {
  error: (issue) => `unknown join key type ${JSON.stringify(issue.input)}; use one of int, long, string`,
});
/** Iceberg type of a join key: `'int' | 'long' | 'string'`. */
export type JoinKeyType = z.infer<typeof JoinKeyTypeSchema>;

/**
 * The definition of an entity (the thing features describe: a customer, a product): a name and the typed
 * join keys that identify one instance. Plain, serialisable data.
 */
export const EntitySchema = z
  .strictObject({
    name: NameSchema,
    joinKeys: z
      .array(z.strictObject({ name: NameSchema, type: JoinKeyTypeSchema }))
      .min(1, 'needs at least one join key'),
    description: z.string().optional(),
    owner: z.string().optional(),
    tags: z.record(z.string(), z.string()).optional(),
  })
  .superRefine((entity, ctx) => {
    const seen = new Set<string>();
    entity.joinKeys.forEach((key, i) => {
      if (seen.has(key.name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['joinKeys', i, 'name'],
          message: `repeats join key \`${key.name}\`; each join key must appear once`,
        });
      }
      seen.add(key.name);
    });
  });

/** A validated, frozen entity definition. */
export type Entity = Readonly<z.output<typeof EntitySchema>>;
/** What {@link defineEntity} accepts. */
export type EntityInput = z.input<typeof EntitySchema>;

/**
 * Validates an entity definition and returns it frozen. Throws InvalidInputError naming the bad field, e.g.
 * `entity \`customer\`: joinKeys[0].type unknown join key type "uuid"; use one of int, long, string`.
 */
export function defineEntity(input: EntityInput): Entity {
  const name = typeof input?.name === 'string' ? `entity \`${input.name}\`` : 'entity';
  return deepFreeze(parseDefinition(EntitySchema, input, name));
}

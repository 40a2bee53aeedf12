import { z } from 'zod';

/**
 * A name of a definition, entity, feature or label: lowercase snake_case (`revenue_30d`), starting with a
 * letter, at most 128 characters, as the feature store and Glue/Athena expect. Names starting with `__fti_`
 * (the compiler's own columns) are impossible by construction.
 */
export const NameSchema = z
  .string()
  .max(128, 'must be at most 128 characters')
  .regex(
    /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/,
    'must be lowercase snake_case: a letter, then letters, digits and single underscores (e.g. `revenue_30d`)',
  );

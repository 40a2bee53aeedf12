import { z } from 'zod';

/**
 * A name of an entity, join key, feature view, feature or event-time column: lowercase snake_case
 * (`customer_id`), starting with a letter, single underscores, at most 128 characters. Iceberg catalogs such
 * as Glue lowercase names anyway, and the single underscores keep `<view>__<feature>` output names
 * unambiguous.
 */
export const NameSchema = z
  .string()
  .max(128, 'must be at most 128 characters')
  .regex(
    /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/,
    'must be lowercase snake_case: a letter, then letters, digits and single underscores (e.g. `customer_id`)',
  );

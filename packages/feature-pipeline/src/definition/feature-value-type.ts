/**
 * Type of an output column, in the feature store's names (`FeatureType` of `@fti/feature-store`): `int` is
 * INTEGER, `long` BIGINT, `double` DOUBLE, `string` VARCHAR.
 */
export type FeatureValueType = 'boolean' | 'int' | 'long' | 'double' | 'date' | 'timestamp' | 'string';

/** One output column of a compiled query, besides the entity key and `feature_date`. */
export interface FeatureColumn {
  name: string;
  type: FeatureValueType;
  description: string;
}

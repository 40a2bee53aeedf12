/** A categorical input column: strings (or numbers, stringified), `null`/`undefined` for missing. */
export type CategoricalValues = readonly (string | number | null | undefined)[];

/** Input columns by name: `Float64Array` for numeric features, value arrays for one-hot features. */
export type FeatureColumns = Readonly<Record<string, Float64Array | CategoricalValues>>;

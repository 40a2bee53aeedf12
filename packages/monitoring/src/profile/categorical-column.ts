/**
 * A categorical column as dictionary codes (Arrow's dictionary encoding): row i holds
 * `dictionary[codes[i]]`, or is missing when `codes[i]` is negative.
 */
export interface CategoricalColumn {
  codes: Int32Array;
  dictionary: readonly string[];
}

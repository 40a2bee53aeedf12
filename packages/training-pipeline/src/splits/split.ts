/** Row indices of a train/validation split, each ascending. */
export interface Split {
  train: Uint32Array;
  validation: Uint32Array;
}

/** (Weighted) counts of a binary confusion matrix; plain row counts without sample weights. */
export interface BinaryConfusion {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

/**
 * One preprocessed-matrix buffer kept across calls and grown to the largest: a fresh matrix per block (6.5 MB
 * for 65,536 rows of 25 features) counts against V8's external memory, which triggers full collections,
 * and costs its pages again. Pass `for(rows)` as `applyPreprocessor`'s `into`.
 */
export class MatrixBuffer {
  private values = new Float32Array(0);

  /** @param width Values per row (the model's input width). */
  constructor(private readonly width: number) {}

  /** The buffer, grown to hold at least `rows` rows. */
  for(rows: number): Float32Array {
    const size = rows * this.width;
    if (this.values.length < size) this.values = new Float32Array(size);
    return this.values;
  }
}

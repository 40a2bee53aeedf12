/** One file of a saved model, in memory: `model.json` or a weight shard. */
export interface ModelArtifactFile {
  /** Path relative to the model's folder, e.g. `model.json` or `group1-shard1of1.bin`. */
  path: string;
  bytes: Uint8Array;
}

/** A saved model: `model.json` first, then its weight shards in manifest order. */
export interface ModelArtifacts {
  files: ModelArtifactFile[];
}

/** Metadata fti stores in `model.json`'s `userDefinedMetadata.fti`, to rebuild the exact `DenseModel`. */
export interface FtiModelMetadata {
  format: 'fti-dense/1';
  /** The validated model spec. */
  spec: unknown;
  inputWidth: number;
}

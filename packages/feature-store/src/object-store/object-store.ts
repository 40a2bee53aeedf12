/** One object as listed by an {@link ObjectStore}. */
export interface ObjectInfo {
  /** Key relative to the store's root, `/`-separated, no leading slash. */
  key: string;
  /** Size in bytes. */
  size: number;
}

/**
 * The minimal storage port the feature store and model registry need: whole-object reads and writes,
 * an atomic create-if-absent for commits, prefix listing and deletion. Keys are `/`-separated and relative
 * to the store's root; adapters reject keys that escape it.
 */
export interface ObjectStore {
  /** URI of the store's root with a scheme and no trailing slash: `file:///abs/dir` or `s3://bucket/prefix`. */
  readonly rootUri: string;
  /** Reads a whole object; throws {@link ObjectNotFoundError} when it does not exist. */
  get(key: string): Promise<Uint8Array>;
  /** Reads `length` bytes from `offset`; throws {@link ObjectNotFoundError} when it does not exist. */
  getRange(key: string, offset: number, length: number): Promise<Uint8Array>;
  /** Size in bytes, or `undefined` when the object does not exist. */
  head(key: string): Promise<ObjectInfo | undefined>;
  /** Writes (or replaces) an object; readers never see a partial object. */
  put(key: string, body: Uint8Array): Promise<void>;
  /** Creates an object only if absent; returns `false` (and writes nothing) when it already exists. */
  putIfAbsent(key: string, body: Uint8Array): Promise<boolean>;
  /** Uploads a local file (large data files) under `key`. */
  putFile(key: string, localPath: string): Promise<void>;
  /** Lists every object whose key starts with `prefix`, sorted by key. */
  list(prefix: string): Promise<ObjectInfo[]>;
  /** Deletes objects; missing keys are ignored. */
  delete(keys: readonly string[]): Promise<void>;
  /** A local file path for reading the object: the file itself for a local store, a cached download otherwise. */
  localPath(key: string): Promise<string>;
}

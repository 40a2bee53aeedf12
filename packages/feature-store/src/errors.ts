/** Base class of every error the feature store throws on purpose. */
export class FeatureStoreError extends Error {
  override name = 'FeatureStoreError';
}

/** An object (file) that should exist does not. */
export class ObjectNotFoundError extends FeatureStoreError {
  override name = 'ObjectNotFoundError';
  constructor(
    readonly key: string,
    options?: ErrorOptions,
  ) {
    super(`object \`${key}\` does not exist`, options);
  }
}

/** A key or table name that is malformed or escapes its root (for example `../`). */
export class InvalidKeyError extends FeatureStoreError {
  override name = 'InvalidKeyError';
  constructor(
    readonly key: string,
    reason: string,
  ) {
    super(`invalid key \`${key}\`: ${reason}`);
  }
}

/** Rows, a schema or an argument that do not fit what the table or call expects. Nothing was committed. */
export class InvalidInputError extends FeatureStoreError {
  override name = 'InvalidInputError';
  constructor(
    message: string,
    /** The column at fault, when there is one. */
    readonly column?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Table metadata, a manifest or a data file that cannot be read as Iceberg. */
export class CorruptTableError extends FeatureStoreError {
  override name = 'CorruptTableError';
  constructor(
    message: string,
    /** The file at fault (URI or key). */
    readonly file: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A table written in a format version or with a feature this library does not support. */
export class UnsupportedTableError extends FeatureStoreError {
  override name = 'UnsupportedTableError';
}

/** A table that does not exist in the catalog. */
export class TableNotFoundError extends FeatureStoreError {
  override name = 'TableNotFoundError';
  constructor(readonly table: string) {
    super(`table \`${table}\` does not exist; create it first (createTable) or check the warehouse path`);
  }
}

/** A table that already exists where a new one was to be created. */
export class TableExistsError extends FeatureStoreError {
  override name = 'TableExistsError';
  constructor(readonly table: string) {
    super(`table \`${table}\` already exists; load it instead of creating it`);
  }
}

/** Another writer committed first; raised only after every retry was spent. */
export class CommitConflictError extends FeatureStoreError {
  override name = 'CommitConflictError';
  constructor(
    readonly table: string,
    readonly attempts: number,
    options?: ErrorOptions,
  ) {
    super(
      `table \`${table}\` changed while committing, ${attempts} attempts in a row; retry later, appends and partition overwrites are safe to re-run`,
      options,
    );
  }
}

/** A snapshot id or timestamp that selects no snapshot. */
export class SnapshotNotFoundError extends FeatureStoreError {
  override name = 'SnapshotNotFoundError';
}

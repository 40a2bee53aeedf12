/** Base class of every error the model registry throws on purpose. */
export class ModelRegistryError extends Error {
  override name = 'ModelRegistryError';
}

/** An argument or record field that does not fit what the call expects. Nothing was written. */
export class InvalidModelInputError extends ModelRegistryError {
  override name = 'InvalidModelInputError';
  constructor(
    message: string,
    /** The field at fault (`artifacts[2].path`, `alias`, ...), when there is one. */
    readonly field?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A model, version or alias that does not exist (or whose registration never completed). */
export class ModelNotFoundError extends ModelRegistryError {
  override name = 'ModelNotFoundError';
  constructor(
    readonly model: string,
    /** What was looked up: a version number, an alias, or nothing (the model itself). */
    readonly missing: { version: number } | { alias: string } | undefined,
    hint: string,
    options?: ErrorOptions,
  ) {
    super(`${describeMissing(model, missing)} does not exist; ${hint}`, options);
  }
}

/** A downloaded artifact whose size or sha256 differs from the one recorded at registration. */
export class ChecksumMismatchError extends ModelRegistryError {
  override name = 'ChecksumMismatchError';
  constructor(
    /** `name@version`. */
    readonly model: string,
    /** Artifact path inside the version (`model.json`). */
    readonly file: string,
    readonly expected: { sha256: string; size: number },
    readonly actual: { sha256: string; size: number },
  ) {
    super(
      `artifact \`${file}\` of ${model} is not the registered file: sha256 ${actual.sha256} (${actual.size} bytes), ` +
        `expected ${expected.sha256} (${expected.size} bytes); it was modified or corrupted in storage, ` +
        'do not serve it: re-register the model from its training run',
    );
  }
}

/** A stored record (`version.json`, an alias event) or artifact that is missing or cannot be parsed. */
export class CorruptModelError extends ModelRegistryError {
  override name = 'CorruptModelError';
  constructor(
    message: string,
    /** The object key at fault. */
    readonly file: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A registration that failed part-way; what it wrote was removed and the version number is skipped. */
export class RegistrationFailedError extends ModelRegistryError {
  override name = 'RegistrationFailedError';
  constructor(
    readonly model: string,
    readonly version: number,
    /** The step that failed (`upload model.json`, `write version.json`). */
    readonly step: string,
    options?: ErrorOptions,
  ) {
    super(
      `registering ${model} version ${version} failed at \`${step}\`; nothing was registered (version ` +
        `${version} stays unused); fix the cause and register again`,
      options,
    );
  }
}

/** An alias changed under a writer that expected another state, or kept changing through every retry. */
export class AliasConflictError extends ModelRegistryError {
  override name = 'AliasConflictError';
  constructor(
    readonly model: string,
    readonly alias: string,
    /** The history sequence number the writer expected to extend, and the one it found. */
    readonly expectedSeq: number,
    readonly actualSeq: number,
  ) {
    super(
      `alias \`${alias}\` of ${model} changed while updating it (expected event ${expectedSeq}, found ` +
        `${actualSeq}); read its history again and retry if the change still makes sense`,
    );
  }
}

function describeMissing(
  model: string,
  missing: { version: number } | { alias: string } | undefined,
): string {
  if (missing === undefined) return `model \`${model}\``;
  if ('version' in missing) return `version ${missing.version} of model \`${model}\``;
  return `alias \`${missing.alias}\` of model \`${model}\``;
}

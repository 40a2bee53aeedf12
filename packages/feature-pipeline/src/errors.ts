/** Base class of every error the feature pipeline throws on purpose. */
export class FeaturePipelineError extends Error {
  override name = 'FeaturePipelineError';
}

/**
 * A feature set or label definition (or a compile option) that cannot be compiled: an unknown column, a type
 * that does not fit, a duplicate name, a forward reference. Names the definition and the path at fault.
 */
export class InvalidDefinitionError extends FeaturePipelineError {
  override name = 'InvalidDefinitionError';
  constructor(
    /** The definition's name (`customer_features`), or `options` for a compile option. */
    readonly definition: string,
    /** Where in the definition, e.g. `features[3].of` or `source.columns.Quantity`. */
    readonly path: string,
    reason: string,
    options?: ErrorOptions,
  ) {
    super(`definition \`${definition}\` at ${path}: ${reason}`, options);
  }
}

/**
 * A definition whose content changed while its version number stayed the same: stored features would be
 * silently rewritten by a different computation. Bump `version`.
 */
export class DefinitionVersionConflictError extends FeaturePipelineError {
  override name = 'DefinitionVersionConflictError';
  constructor(
    readonly definition: string,
    readonly version: number,
    readonly hash: string,
    readonly previousVersion: number,
    readonly previousHash: string,
  ) {
    super(
      version < previousVersion
        ? `definition \`${definition}\` is at version ${version}, older than the recorded version ` +
            `${previousVersion}; run the current definition or give this one version ${previousVersion + 1}`
        : `definition \`${definition}\` version ${version} changed (hash ${previousHash.slice(0, 12)}… → ` +
            `${hash.slice(0, 12)}…); bump \`version\` to ${version + 1} so the new features are stored as a ` +
            'new version instead of rewriting history',
    );
  }
}

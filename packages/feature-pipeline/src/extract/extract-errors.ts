import { FeaturePipelineError } from '../errors.js';

/** A source whose path or glob matches no file. */
export class SourceNotFoundError extends FeaturePipelineError {
  override name = 'SourceNotFoundError';
  constructor(
    /** The source's name in config. */
    readonly source: string,
    /** The path, glob or URI that matched nothing. */
    readonly path: string,
    options?: ErrorOptions,
  ) {
    super(
      `source \`${source}\`: no file matches \`${path}\`; check the path (and the bucket/prefix for s3://)`,
      options,
    );
  }
}

/** A source file whose columns are not what the config declares (a missing column, a different header). */
export class SourceSchemaError extends FeaturePipelineError {
  override name = 'SourceSchemaError';
  constructor(
    readonly source: string,
    /** The file at fault. */
    readonly file: string,
    /** The column at fault, when there is one. */
    readonly column: string | undefined,
    reason: string,
    options?: ErrorOptions,
  ) {
    super(`source \`${source}\`, file ${file}: ${reason}`, options);
  }
}

/** A storage config (`warehouse`, `catalog`, `engine`, `athena`, `registry`, `aws`) that cannot be used as written. */
export class InvalidStorageConfigError extends Error {
  override name = 'InvalidStorageConfigError';
  constructor(
    /** The file or flag the config came from. */
    readonly source: string,
    /** One line per problem, each naming its field. */
    readonly problems: string[],
    options?: ErrorOptions,
  ) {
    super(`storage config in ${source} is invalid:\n${problems.map((p) => `  ✖ ${p}`).join('\n')}`, options);
  }
}

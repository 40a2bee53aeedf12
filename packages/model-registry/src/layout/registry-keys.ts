/**
 * Object keys of the registry layout, all under `<prefix>models/<name>/`:
 * `versions/<version>/_allocated.json` (the version number claim), `versions/<version>/files/<path>`
 * (artifacts), `versions/<version>/version.json` (the record, written last) and
 * `aliases/<alias>/<seq>.json` (alias history, `seq` zero-padded so keys sort in order).
 */
export interface RegistryKeys {
  /** `<prefix>models/`. */
  models: string;
  modelRoot(name: string): string;
  versionsPrefix(name: string): string;
  versionRoot(name: string, version: number): string;
  marker(name: string, version: number): string;
  record(name: string, version: number): string;
  artifact(name: string, version: number, path: string): string;
  aliasesPrefix(name: string): string;
  aliasPrefix(name: string, alias: string): string;
  aliasEvent(name: string, alias: string, seq: number): string;
}

/** Width of the zero-padded alias event sequence number. */
const SEQ_WIDTH = 10;

/** Builds the key scheme under `prefix` (empty, or ending in `/`). */
export function registryKeys(prefix: string): RegistryKeys {
  const models = `${prefix}models/`;
  const modelRoot = (name: string) => `${models}${name}/`;
  const versionRoot = (name: string, version: number) => `${modelRoot(name)}versions/${version}/`;
  const aliasPrefix = (name: string, alias: string) => `${modelRoot(name)}aliases/${alias}/`;
  return {
    models,
    modelRoot,
    versionsPrefix: (name) => `${modelRoot(name)}versions/`,
    versionRoot,
    marker: (name, version) => `${versionRoot(name, version)}_allocated.json`,
    record: (name, version) => `${versionRoot(name, version)}version.json`,
    artifact: (name, version, path) => `${versionRoot(name, version)}files/${path}`,
    aliasesPrefix: (name) => `${modelRoot(name)}aliases/`,
    aliasPrefix,
    aliasEvent: (name, alias, seq) =>
      `${aliasPrefix(name, alias)}${String(seq).padStart(SEQ_WIDTH, '0')}.json`,
  };
}

/** Parses `<versionsPrefix><version>/<rest>` into the version number and the rest, or `undefined`. */
export function parseVersionKey(
  versionsPrefix: string,
  key: string,
): { version: number; rest: string } | undefined {
  if (!key.startsWith(versionsPrefix)) return undefined;
  const tail = key.slice(versionsPrefix.length);
  const slash = tail.indexOf('/');
  if (slash <= 0) return undefined;
  const digits = tail.slice(0, slash);
  if (!/^[1-9]\d{0,15}$/.test(digits)) return undefined;
  return { version: Number(digits), rest: tail.slice(slash + 1) };
}

import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FeatureSetDefinition } from '../definition/feature-set-definition.js';
import type { LabelDefinition } from '../definition/label-definition.js';
import { parseFeatureSetDefinition } from '../definition/parse-feature-set-definition.js';
import { parseLabelDefinition } from '../definition/parse-label-definition.js';
import { InvalidDefinitionError } from '../errors.js';
import type { DefinitionRef } from './feature-pipeline-config.js';

/** Options of {@link resolveDefinition}. */
export interface ResolveDefinitionOptions<K extends 'features' | 'labels'> {
  ref: DefinitionRef;
  kind: K;
  /** Folder relative module paths are resolved against (the config file's); default the working directory. */
  baseDir?: string | undefined;
}

/**
 * Loads and parses a feature set (`kind: 'features'`) or label definition: inline data, or a named export of
 * a module (a package specifier, or a `./` / absolute path). Throws {@link InvalidDefinitionError}.
 */
export async function resolveDefinition<K extends 'features' | 'labels'>(
  options: ResolveDefinitionOptions<K>,
): Promise<K extends 'features' ? FeatureSetDefinition : LabelDefinition> {
  const { ref, kind } = options;
  let input: unknown;
  if ('definition' in ref) input = ref.definition;
  else {
    const relative = ref.module.startsWith('.') || isAbsolute(ref.module);
    const specifier = relative ? pathToFileURL(resolve(options.baseDir ?? '.', ref.module)).href : ref.module;
    let loaded: Record<string, unknown>;
    try {
      loaded = (await import(specifier)) as Record<string, unknown>;
    } catch (error) {
      throw new InvalidDefinitionError(
        kind,
        'module',
        `cannot import \`${ref.module}\`: ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    }
    if (!(ref.export in loaded))
      throw new InvalidDefinitionError(
        kind,
        'export',
        `\`${ref.module}\` has no export \`${ref.export}\`; it exports ${Object.keys(loaded).join(', ')}`,
      );
    input = loaded[ref.export];
  }
  const parsed =
    kind === 'features' ? parseFeatureSetDefinition(input as never) : parseLabelDefinition(input as never);
  return parsed as K extends 'features' ? FeatureSetDefinition : LabelDefinition;
}

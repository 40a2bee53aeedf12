import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { workspaceRoot } from '../workspace-root.mjs';
import { type ConfigSchemaEntry, configSchemas } from './config-schemas.js';
import { listConfigFields } from './list-config-fields.js';
import { type JsonSchema, loadConfigJsonSchema } from './load-config-json-schema.js';
import { renderConfigReference } from './render-config-reference.js';

/** The generated config reference: file name (inside docs/config) → content, and each entry's schema. */
export interface ConfigDocs {
  files: Map<string, string>;
  schemas: { entry: ConfigSchemaEntry; jsonSchema: JsonSchema }[];
}

/** Builds `<name>.schema.json` for every entry of {@link configSchemas} and the README with their tables. */
export async function generateConfigDocs(entries: ConfigSchemaEntry[] = configSchemas): Promise<ConfigDocs> {
  const files = new Map<string, string>();
  const schemas = [];
  const documented = [];
  for (const entry of entries) {
    const jsonSchema = await loadConfigJsonSchema(entry);
    const name = `${entry.name}.schema.json`;
    files.set(name, formatJson(name, JSON.stringify(jsonSchema, null, 2)));
    schemas.push({ entry, jsonSchema });
    // Descriptions are in the JSON Schema already (loadConfigJsonSchema writes the JSDoc fallback into it).
    const fields = listConfigFields(jsonSchema, () => undefined);
    documented.push({ entry, fields });
  }
  files.set('README.md', renderConfigReference(documented));
  return { files, schemas };
}

/** JSON laid out as the repository's Biome formats it (`npm run lint` checks docs/ too). */
function formatJson(name: string, json: string): string {
  const biome = path.join(workspaceRoot, 'node_modules', '.bin', 'biome');
  const result = spawnSync(biome, ['format', `--stdin-file-path=docs/config/${name}`], {
    cwd: workspaceRoot,
    input: json,
    encoding: 'utf8',
  });
  if (result.status !== 0)
    throw new Error(`biome could not format ${name}: ${result.error?.message ?? result.stderr}`);
  return result.stdout;
}

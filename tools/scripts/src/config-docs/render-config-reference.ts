import type { ConfigSchemaEntry } from './config-schemas.js';
import type { ConfigField } from './list-config-fields.js';

/** One documented schema: its entry and its fields. */
export interface DocumentedSchema {
  entry: ConfigSchemaEntry;
  fields: ConfigField[];
}

/** docs/config/README.md: how to use the JSON Schemas, then one table per job config. */
export function renderConfigReference(schemas: DocumentedSchema[]): string {
  const lines = [
    '# Config reference',
    '',
    'Generated from the zod schemas the jobs validate their configs with (`z.toJSONSchema`, input side: what',
    'you write; a field with a default may be left out). Do not edit: run `npm run docs:config` after',
    'changing a schema. `tools/scripts/src/config-docs/config-docs.test.ts` (part of `npm test`) checks these',
    'files are current and that every example config validates against its JSON Schema.',
    '',
    'Editors validate and complete a YAML config from its JSON Schema, e.g. with the YAML language server:',
    '',
    '```yaml',
    '# yaml-language-server: $schema=../../docs/config/feature-job.schema.json',
    '```',
    '',
    '| config | JSON Schema | zod schema | examples |',
    '| --- | --- | --- | --- |',
    ...schemas.map(
      ({ entry }) =>
        `| [${entry.title}](#${anchor(entry.title)}) | [${entry.name}.schema.json](${entry.name}.schema.json) | \`${entry.exportName}\` (\`${entry.module}\`) | ${entry.examples.map((file) => `[${file.replace(/^examples\//, '')}](../../${file})`).join(', ') || 'none (command-line flags)'} |`,
    ),
  ];
  for (const { entry, fields } of schemas) {
    lines.push('', `## ${entry.title}`, '', entry.usage, '', '| field | type | default | description |');
    lines.push('| --- | --- | --- | --- |');
    for (const field of fields)
      lines.push(
        `| \`${field.path}\`${field.required ? ' (required)' : ''} | ${cell(field.type)} | ${field.defaultValue === undefined ? '' : cell(`\`${field.defaultValue}\``)} | ${cell(field.description ?? '')} |`,
      );
  }
  return `${lines.join('\n')}\n`;
}

function anchor(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-');
}

/** A table cell: no line breaks, pipes escaped, long defaults cut. */
function cell(text: string): string {
  const flat = text.replace(/\s+/g, ' ').replace(/\|/g, '\\|');
  return flat.length > 160 ? `${flat.slice(0, 157)}…` : flat;
}

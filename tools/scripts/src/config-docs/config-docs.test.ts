import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { workspaceRoot } from '../workspace-root.mjs';
import { configSchemas } from './config-schemas.js';
import { type ConfigDocs, generateConfigDocs } from './generate-config-docs.js';

const refresh = 'npm run docs:config';
const docsDir = path.join(workspaceRoot, 'docs/config');
let docs: ConfigDocs;
let tempDir: string;

beforeAll(async () => {
  docs = await generateConfigDocs();
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fti-config-docs-'));
  for (const [name, content] of docs.files) fs.writeFileSync(path.join(tempDir, name), content);
}, 60_000);
afterAll(() => fs.rmSync(tempDir, { recursive: true, force: true }));

/** Ajv for zod's draft 2020-12 output; formats are also enforced by the `pattern` zod writes beside them. */
function compile(jsonSchema: object) {
  return new Ajv2020({ allErrors: true, strict: false, validateFormats: false }).compile(jsonSchema);
}

describe('docs/config', () => {
  it('is current: regenerated into a temp folder, every file equals the committed one', () => {
    expect(fs.readdirSync(tempDir).sort()).toEqual([
      'README.md',
      ...configSchemas.map((entry) => `${entry.name}.schema.json`).sort(),
    ]);
    for (const name of fs.readdirSync(tempDir)) {
      const committed = path.join(docsDir, name);
      const current = fs.existsSync(committed) ? fs.readFileSync(committed, 'utf8') : '(missing)';
      expect(
        current === fs.readFileSync(path.join(tempDir, name), 'utf8'),
        `docs/config/${name} is out of date with its zod schema: run \`${refresh}\` and commit docs/config`,
      ).toBe(true);
    }
  });

  it('every job config schema is a strict object whose required fields are listed in the README', () => {
    const readme = docs.files.get('README.md') ?? '';
    for (const { entry, jsonSchema } of docs.schemas) {
      expect(jsonSchema.type, entry.name).toBe('object');
      expect(jsonSchema.additionalProperties, entry.name).toBe(false);
      for (const field of (jsonSchema.required ?? []) as string[])
        expect(readme, `${entry.name}.${field}`).toContain(`| \`${field}\` (required) |`);
    }
  });

  it('every example config under examples/ is checked against a schema', () => {
    const listed = configSchemas.flatMap((entry) => entry.examples).sort();
    const onDisk = (fs.readdirSync(path.join(workspaceRoot, 'examples'), { recursive: true }) as string[])
      .map((file) => `examples/${file.split(path.sep).join('/')}`)
      .filter((file) => /\.ya?ml$/.test(file))
      .sort();
    expect(listed).toEqual(onDisk);
  });

  it.each(configSchemas.flatMap((entry) => entry.examples.map((example) => [example, entry.name] as const)))(
    '%s validates against %s.schema.json',
    (example, name) => {
      const jsonSchema = JSON.parse(fs.readFileSync(path.join(tempDir, `${name}.schema.json`), 'utf8'));
      const validate = compile(jsonSchema);
      const config = parse(fs.readFileSync(path.join(workspaceRoot, example), 'utf8'));
      expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true);
    },
  );

  it.each(configSchemas.flatMap((entry) => entry.examples.map((example) => [example, entry.name] as const)))(
    '%s with a misspelt top-level key fails %s.schema.json at that key',
    (example, name) => {
      const jsonSchema = JSON.parse(fs.readFileSync(path.join(tempDir, `${name}.schema.json`), 'utf8'));
      const validate = compile(jsonSchema);
      const config = parse(fs.readFileSync(path.join(workspaceRoot, example), 'utf8'));
      expect(validate({ ...config, warehose: 'typo' })).toBe(false);
      expect(validate.errors).toContainEqual(
        expect.objectContaining({
          instancePath: '',
          keyword: 'additionalProperties',
          params: { additionalProperty: 'warehose' },
        }),
      );
    },
  );

  it('the inference flags validate: defaults optional, a bad shard rejected', () => {
    const { jsonSchema } = docs.schemas.find((s) => s.entry.name === 'inference-job') ?? {};
    const validate = compile(jsonSchema ?? {});
    expect(validate({ date: '2011-11-27' }), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ date: '2011-11-27', shard: 'two of four' })).toBe(false);
    expect(validate.errors?.map((error) => error.instancePath)).toContain('/shard');
  });
});

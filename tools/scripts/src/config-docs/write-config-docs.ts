// `npm run docs:config [-- --out <folder>]`: regenerates the config reference (docs/config by default).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { workspaceRoot } from '../workspace-root.mjs';
import { generateConfigDocs } from './generate-config-docs.js';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'docs/config' } } });
const out = path.resolve(workspaceRoot, values.out ?? 'docs/config');
const { files } = await generateConfigDocs();
fs.mkdirSync(out, { recursive: true });
for (const [name, content] of files) fs.writeFileSync(path.join(out, name), content);
console.log(
  `wrote ${files.size} files to ${path.relative(workspaceRoot, out) || '.'}: ${[...files.keys()].join(', ')}`,
);

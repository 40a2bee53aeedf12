import { describe, expect, it } from 'vitest';
import { boundaryRules } from './boundary-rules.mjs';
import { findImportViolations } from './find-import-violations.mjs';
import { listImportSpecifiers } from './list-import-specifiers.mjs';

const projects = [
  {
    name: '@fti/feature-store',
    root: 'packages/feature-store',
    tags: ['type:store'],
    exports: ['.', './testing'],
  },
  { name: '@fti/training', root: 'packages/training', tags: ['type:pipeline'], exports: ['.'] },
  {
    name: '@fti/models',
    root: 'packages/models',
    tags: ['type:util', 'scope:models'],
    exports: ['.', './ops/*'],
  },
];

function scan(project: string, path: string, text: string) {
  return findImportViolations({ files: [{ project, path, text }], projects, rules: boundaryRules });
}

describe('listImportSpecifiers', () => {
  it('finds static, type-only, re-export, side-effect, dynamic and require imports, not comments', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from '@fti/feature-store';",
      'import {',
      '  c,',
      '  d,',
      "} from 'node:fs';",
      "export * from './e.js';",
      "import './side-effect.js';",
      "const f = await import('@duckdb/node-api');",
      "const g = require('zod');",
      "// import { x } from 'commented-out';",
      "/* import { y } from 'also-commented'; */",
      "const s = 'from here';",
      `const quoted = "import { q } from '@fti/quoted/src/q.js'";`,
    ].join('\n');
    expect(listImportSpecifiers(text)).toEqual([
      './a.js',
      '@fti/feature-store',
      'node:fs',
      './e.js',
      './side-effect.js',
      '@duckdb/node-api',
      'zod',
    ]);
  });
});

describe('findImportViolations', () => {
  it('accepts public entry points, own relative files and ordinary packages', () => {
    const text = [
      "import { x } from '@fti/feature-store';",
      "import { y } from '@fti/feature-store/testing';",
      "import { z } from '../other/z.js';",
      "import { w } from '@duckdb/node-api';",
    ].join('\n');
    expect(scan('@fti/training', 'packages/training/src/sub/file.ts', text)).toEqual([]);
  });

  it('reports a deep import of another project, listing its public entry points', () => {
    const violations = scan(
      '@fti/training',
      'packages/training/src/train.ts',
      "import { CommitConflict } from '@fti/feature-store/src/catalog/catalog.js';",
    );
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ kind: 'deep-import', target: '@fti/feature-store' });
    expect(violations[0]?.message).toBe(
      "packages/training/src/train.ts imports '@fti/feature-store/src/catalog/catalog.js', an internal file of `@fti/feature-store`; import from its public entry points instead ('@fti/feature-store', '@fti/feature-store/testing')",
    );
  });

  it('honours `*` subpath patterns of an exports map', () => {
    const text = "import { relu } from '@fti/models/ops/relu';\nimport { k } from '@fti/models/src/k.js';";
    const violations = scan('@fti/training', 'packages/training/src/a.ts', text);
    expect(violations.map((violation) => violation.message.split(',')[0])).toEqual([
      "packages/training/src/a.ts imports '@fti/models/src/k.js'",
    ]);
  });

  it('reports a relative path that climbs into another project', () => {
    const violations = scan(
      '@fti/training',
      'packages/training/src/a.ts',
      "import { x } from '../../feature-store/src/index.js';",
    );
    expect(violations).toEqual([
      expect.objectContaining({ kind: 'relative-escape', target: '@fti/feature-store' }),
    ]);
  });

  it('reports @tensorflow/* imported outside scope:models even when it is not installed', () => {
    const text = "import * as tf from '@tensorflow/tfjs-node';";
    expect(scan('@fti/training', 'packages/training/src/fit.ts', text)).toEqual([
      expect.objectContaining({ kind: 'banned-external', target: '@tensorflow/tfjs-node' }),
    ]);
    expect(scan('@fti/models', 'packages/models/src/fit.ts', text)).toEqual([]);
  });
});

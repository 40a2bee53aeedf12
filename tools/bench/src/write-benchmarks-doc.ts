import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderBenchmarksDoc } from './render-benchmarks-doc.js';
import type { BenchResult } from './types.js';

/**
 * Regenerates `docs/benchmarks.md` from every `bench-results/*.json` under the workspace root.
 * @returns The path written.
 */
export function writeBenchmarksDoc(options: { root: string }): string {
  const resultsDir = path.join(options.root, 'bench-results');
  const files = existsSync(resultsDir)
    ? readdirSync(resultsDir).filter((file) => file.endsWith('.json'))
    : [];
  const suites = files.map((file) => ({
    name: file.replace(/\.json$/, ''),
    results: JSON.parse(readFileSync(path.join(resultsDir, file), 'utf8')) as BenchResult[],
  }));
  const out = path.join(options.root, 'docs', 'benchmarks.md');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, renderBenchmarksDoc(suites));
  return out;
}

import fs from 'node:fs';
import path from 'node:path';

const SOURCE = /\.(?:[cm]?[jt]s|tsx|jsx)$/;
const SKIPPED = new Set([
  'node_modules',
  'dist',
  'test-results',
  'bench-results',
  'fixtures',
  '.fti',
  '.tmp',
  '.nx',
]);

/**
 * Lists the JS/TS source files under a project folder, skipping dependencies, build output and fixtures.
 * @param {{ root: string, dir: string }} options `root` the workspace root, `dir` the project folder relative to it.
 * @returns {string[]} Workspace-relative POSIX paths, sorted.
 */
export function listSourceFiles({ root, dir }) {
  /** @type {string[]} */
  const found = [];
  /** @param {string} relative */
  const walk = (relative) => {
    for (const entry of fs.readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const child = `${relative}/${entry.name}`;
      if (entry.isDirectory() && !SKIPPED.has(entry.name)) walk(child);
      else if (entry.isFile() && SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) found.push(child);
    }
  };
  walk(dir);
  return found.sort();
}

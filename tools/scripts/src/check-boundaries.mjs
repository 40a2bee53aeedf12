#!/usr/bin/env node
// Module-boundary check: `node tools/scripts/src/check-boundaries.mjs` (part of `npm test` and `npm run lint`).
// Reads Nx's project graph and every project's sources, applies `boundaries/boundary-rules.mjs`, exits 1 on a
// violation.
import fs from 'node:fs';
import path from 'node:path';
import { boundaryRules } from './boundaries/boundary-rules.mjs';
import { checkBoundaries } from './boundaries/check-boundaries.mjs';
import { findImportViolations } from './boundaries/find-import-violations.mjs';
import { listSourceFiles } from './list-source-files.mjs';
import { loadProjectGraph } from './load-project-graph.mjs';
import { workspaceRoot } from './workspace-root.mjs';

const graph = await loadProjectGraph(workspaceRoot);
const projects = Object.values(graph.nodes).map((node) => ({
  name: node.name,
  root: node.data.root,
  tags: node.data.tags ?? [],
  exports: exportSubpaths(path.join(workspaceRoot, node.data.root, 'package.json')),
}));
const files = projects.flatMap((project) =>
  listSourceFiles({ root: workspaceRoot, dir: project.root }).map((file) => ({
    project: project.name,
    path: file,
    text: fs.readFileSync(path.join(workspaceRoot, file), 'utf8'),
  })),
);
const found = [
  ...checkBoundaries(graph, boundaryRules),
  ...findImportViolations({ files, projects, rules: boundaryRules }),
];
const seen = new Set();
const violations = found.filter((violation) => {
  const key = `${violation.kind} ${violation.project} ${violation.target ?? ''} ${violation.file ?? ''}`;
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
});
const edges = projects.reduce((sum, project) => sum + (graph.dependencies[project.name] ?? []).length, 0);
if (violations.length === 0) {
  console.log(
    `module boundaries: ${projects.length} projects, ${edges} dependencies, ${files.length} source files checked, no violations`,
  );
} else {
  console.error(`module boundaries: ${violations.length} violation(s)`);
  for (const violation of violations) console.error(`  [${violation.kind}] ${violation.message}`);
  process.exitCode = 1;
}

/**
 * Subpaths a package exports (`.` when it has no `exports` map).
 * @param {string} packageJsonPath
 * @returns {string[]}
 */
function exportSubpaths(packageJsonPath) {
  if (!fs.existsSync(packageJsonPath)) return ['.'];
  const exportsMap = JSON.parse(fs.readFileSync(packageJsonPath, 'utf8')).exports;
  if (
    exportsMap &&
    typeof exportsMap === 'object' &&
    Object.keys(exportsMap).some((key) => key.startsWith('.'))
  ) {
    return Object.keys(exportsMap);
  }
  return ['.'];
}

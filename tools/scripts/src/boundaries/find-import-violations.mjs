import path from 'node:path';
import { checkExternalImport } from './check-external-import.mjs';
import { listImportSpecifiers } from './list-import-specifiers.mjs';
import { matchPattern } from './match-pattern.mjs';

/**
 * @typedef {import('./boundary-rules.mjs').BoundaryRules} BoundaryRules
 * @typedef {import('./check-boundaries.mjs').Violation} Violation
 * @typedef {object} WorkspaceProject
 * @property {string} name Package name, e.g. `@fti/feature-store`.
 * @property {string} root Workspace-relative folder, POSIX separators, e.g. `packages/feature-store`.
 * @property {string[]} tags Nx tags.
 * @property {string[]} exports Subpaths of its package.json `exports` map, e.g. `['.', './testing']` (`*` patterns allowed).
 * @typedef {object} SourceFile
 * @property {string} project Name of the project that owns the file.
 * @property {string} path Workspace-relative path, POSIX separators.
 * @property {string} text Source text.
 */

/**
 * Scans sources for imports the project graph cannot show: deep imports of another project's internals
 * (`@fti/x/src/...`, any subpath its `exports` map does not list), relative paths that climb into another
 * project, and reserved npm packages (also when they are not installed).
 * @param {{ files: SourceFile[], projects: WorkspaceProject[], rules: BoundaryRules }} options
 * @returns {Violation[]}
 */
export function findImportViolations({ files, projects, rules }) {
  const byName = new Map(projects.map((project) => [project.name, project]));
  /** @type {Violation[]} */
  const violations = [];
  for (const file of files) {
    const owner = byName.get(file.project);
    if (!owner) continue;
    for (const specifier of new Set(listImportSpecifiers(file.text))) {
      if (specifier.startsWith('.')) {
        const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file.path), specifier));
        const landsIn = owningProject(projects, resolved);
        if (!isInside(owner.root, resolved) && landsIn && landsIn.name !== owner.name) {
          violations.push({
            kind: 'relative-escape',
            project: owner.name,
            target: landsIn.name,
            file: file.path,
            message: `${file.path} imports '${specifier}', a file inside \`${landsIn.name}\`, by a relative path; import \`${landsIn.name}\` (its public exports) instead`,
          });
        }
        continue;
      }
      if (specifier.startsWith('node:') || path.posix.isAbsolute(specifier)) continue;
      const packageName = packageNameOf(specifier);
      const target = byName.get(packageName);
      if (!target) {
        violations.push(
          ...checkExternalImport({
            project: owner.name,
            tags: owner.tags,
            packageName,
            rules,
            file: file.path,
          }),
        );
        continue;
      }
      const subpath = `.${specifier.slice(packageName.length)}`;
      if (target.name !== owner.name && !target.exports.some((entry) => matchPattern(subpath, entry))) {
        violations.push({
          kind: 'deep-import',
          project: owner.name,
          target: target.name,
          file: file.path,
          message: `${file.path} imports '${specifier}', an internal file of \`${target.name}\`; import from its public entry points instead (${target.exports
            .filter((entry) => !entry.endsWith('.json'))
            .map((entry) => `'${target.name}${entry.slice(1)}'`)
            .join(', ')})`,
        });
      }
    }
  }
  return violations;
}

/** @param {string} specifier */
function packageNameOf(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/** @param {string} root @param {string} file */
function isInside(root, file) {
  return file === root || file.startsWith(`${root}/`);
}

/** @param {WorkspaceProject[]} projects @param {string} file */
function owningProject(projects, file) {
  return projects
    .filter((project) => isInside(project.root, file))
    .sort((a, b) => b.root.length - a.root.length)[0];
}

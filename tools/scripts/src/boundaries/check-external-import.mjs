import { matchPattern } from './match-pattern.mjs';

/**
 * @typedef {import('./boundary-rules.mjs').BoundaryRules} BoundaryRules
 * @typedef {import('./check-boundaries.mjs').Violation} Violation
 */

/**
 * Checks one import of an npm package against the rules reserving packages to some projects.
 * @param {{ project: string, tags: string[], packageName: string, rules: BoundaryRules, file?: string }} options
 * @returns {Violation[]}
 */
export function checkExternalImport({ project, tags, packageName, rules, file }) {
  return rules.externalImports
    .filter((rule) => matchPattern(packageName, rule.pattern) && !tags.includes(rule.onlyInTag))
    .map((rule) => ({
      kind: /** @type {const} */ ('banned-external'),
      project,
      target: packageName,
      ...(file ? { file } : {}),
      message: `\`${project}\`${file ? ` (${file})` : ''} imports \`${packageName}\`: packages matching ${rule.pattern} may be imported only by projects tagged ${rule.onlyInTag}; move the code there`,
    }));
}

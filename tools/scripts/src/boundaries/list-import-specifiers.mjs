// Static imports and re-exports count only at the start of a line, so code quoted inside strings (test
// fixtures) is not mistaken for an import; dynamic import() and require() count anywhere.
const IMPORT_PATTERN =
  /^[ \t]*(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|^[ \t]*import\s+['"]([^'"]+)['"]|\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/gm;

/**
 * Lists the module specifiers a JS/TS source imports, re-exports, dynamically imports or requires.
 * Block comments and whole-line `//` comments are ignored; specifiers built at run time are not seen.
 * @param {string} text Source text.
 * @returns {string[]} Specifiers in source order, e.g. `['node:fs', '@fti/feature-store', './x.js']`.
 */
export function listImportSpecifiers(text) {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return [...code.matchAll(IMPORT_PATTERN)].map(
    (match) => match[1] ?? match[2] ?? match[3] ?? match[4] ?? '',
  );
}

/**
 * Whether a name (npm package, export subpath) matches a pattern in which `*` stands for any run of characters.
 * @param {string} name e.g. `@tensorflow/tfjs-node` or `./testing`.
 * @param {string} pattern e.g. `@tensorflow/*`.
 * @returns {boolean}
 */
export function matchPattern(name, pattern) {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(name);
}

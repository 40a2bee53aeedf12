import { InvalidKeyError } from '../errors.js';

/**
 * Checks that `key` is a relative, `/`-separated object key that stays under the store's root, and returns
 * it unchanged. Throws {@link InvalidKeyError} for an empty or absolute key, a backslash, an empty segment
 * (`a//b`, trailing `/`) or a `.` / `..` segment.
 */
export function validateKey(key: string): string {
  if (key.length === 0)
    throw new InvalidKeyError(key, 'it is empty; give a relative path such as `ns/t/data/f.parquet`');
  if (key.startsWith('/')) throw new InvalidKeyError(key, 'it is absolute; drop the leading `/`');
  if (key.includes('\\'))
    throw new InvalidKeyError(key, 'it contains a backslash; separate segments with `/`');
  if (key.includes('\0')) throw new InvalidKeyError(key, 'it contains a NUL character');
  for (const segment of key.split('/')) {
    if (segment === '') throw new InvalidKeyError(key, 'it has an empty segment (`//` or a trailing `/`)');
    if (segment === '.' || segment === '..') {
      throw new InvalidKeyError(key, `it has a \`${segment}\` segment, which could escape the store's root`);
    }
  }
  return key;
}

/**
 * Checks a listing prefix: the empty string (everything) or a key prefix whose complete segments are valid.
 * The last segment may be partial (`ns/t/metadata/v`), or empty (`ns/t/`).
 */
export function validatePrefix(prefix: string): string {
  if (prefix === '') return prefix;
  const trimmed = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
  validateKey(trimmed);
  return prefix;
}

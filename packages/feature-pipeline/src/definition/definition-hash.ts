import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

/**
 * The content hash of a (parsed) feature set or label definition: lowercase hex SHA-256 of its
 * {@link canonicalJson}. Key order does not matter; any change of content (a window, a filter, the feature
 * order, the version, a description) gives a different hash. Hash the parsed definition, so that spelling a
 * default out does not change it.
 */
export function definitionHash(definition: unknown): string {
  return createHash('sha256').update(canonicalJson(definition)).digest('hex');
}

import { InvalidInputError } from '../errors.js';
import type { FeatureView } from '../features/feature-view.js';
import type { EntityKey } from './online-store.js';

/**
 * The string naming one entity of a view inside an online store: each join key's value (entity order, then
 * join key order), URI-encoded so `:` and `#` never occur in it, joined with `:`. Throws InvalidInputError
 * naming the join key when one is missing or of the wrong type.
 */
export function entityKeyId(view: FeatureView, key: EntityKey): string {
  const parts: string[] = [];
  for (const entity of view.entities) {
    for (const joinKey of entity.joinKeys) {
      const value = key[joinKey.name];
      const fail = (what: string): never => {
        throw new InvalidInputError(
          `online key for feature view \`${view.name}\`: join key \`${joinKey.name}\` ${what}`,
          joinKey.name,
        );
      };
      if (value === undefined || value === null) fail('is missing; give every join key of the view');
      if (joinKey.type === 'string') {
        if (typeof value !== 'string') fail(`must be a string, got ${typeof value}`);
      } else if (typeof value === 'number') {
        if (!Number.isSafeInteger(value)) fail(`must be an integer, got ${value}`);
      } else if (typeof value !== 'bigint' || joinKey.type === 'int') {
        fail(`must be an integer (${joinKey.type}), got ${typeof value}`);
      }
      parts.push(encodeURIComponent(String(value)));
    }
  }
  return parts.join(':');
}

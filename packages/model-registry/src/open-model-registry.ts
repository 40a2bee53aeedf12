import { randomUUID } from 'node:crypto';
import type { ObjectStore } from '@fti/feature-store';
import { InvalidModelInputError } from './errors.js';
import { type RegistryKeys, registryKeys } from './layout/registry-keys.js';

/** Options of {@link openModelRegistry}. */
export interface OpenModelRegistryOptions {
  /** Where models live: a `LocalObjectStore` (default choice) or an `S3ObjectStore`. */
  store: ObjectStore;
  /** Key prefix inside the store, e.g. `registry` (default: the store's root). */
  prefix?: string;
  /** Clock in milliseconds since the Unix epoch (default `Date.now`). */
  now?: () => number;
  /** Id generator for registration claims (default `crypto.randomUUID`). */
  randomId?: () => string;
}

/** An opened registry: the store plus the injected clock and ids every verb uses. */
export interface ModelRegistry {
  readonly store: ObjectStore;
  readonly keys: RegistryKeys;
  readonly now: () => number;
  readonly randomId: () => string;
}

/**
 * Opens a model registry on an {@link ObjectStore}. Nothing is read or written until a verb is called;
 * an empty store is an empty registry.
 */
export function openModelRegistry(options: OpenModelRegistryOptions): ModelRegistry {
  const prefix = (options.prefix ?? '').replace(/^\/+|\/+$/g, '');
  if (prefix !== '' && !/^[A-Za-z0-9_][A-Za-z0-9._-]*(\/[A-Za-z0-9_][A-Za-z0-9._-]*)*$/.test(prefix)) {
    throw new InvalidModelInputError(
      `invalid registry prefix \`${options.prefix}\`: use \`/\`-separated segments of letters, digits, \`.\`, \`_\`, \`-\``,
      'prefix',
    );
  }
  return {
    store: options.store,
    keys: registryKeys(prefix === '' ? '' : `${prefix}/`),
    now: options.now ?? Date.now,
    randomId: options.randomId ?? randomUUID,
  };
}

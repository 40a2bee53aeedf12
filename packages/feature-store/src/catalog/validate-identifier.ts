import { InvalidKeyError } from '../errors.js';
import type { TableIdentifier } from './catalog.js';

const NAME = /^[a-z0-9_]+$/;

/** Checks one namespace or table name: `[a-z0-9_]+`, so it can never escape the warehouse. */
export function validateName(name: string, what: 'namespace' | 'table name'): string {
  if (!NAME.test(name)) {
    throw new InvalidKeyError(name, `a ${what} must match [a-z0-9_]+ (lower-case letters, digits, _)`);
  }
  return name;
}

/** Checks both parts of a table identifier and returns its display name `namespace.name`. */
export function validateIdentifier(id: TableIdentifier): string {
  validateName(id.namespace, 'namespace');
  validateName(id.name, 'table name');
  return `${id.namespace}.${id.name}`;
}

import { DefinitionVersionConflictError } from '../errors.js';
import { definitionHash } from './definition-hash.js';

/** What a store last recorded for a definition. */
export interface RecordedDefinition {
  version: number;
  /** {@link definitionHash} of the definition then. */
  hash: string;
}

/** Options of {@link checkDefinitionVersion}. */
export interface CheckDefinitionVersionOptions {
  /** The parsed definition about to run. */
  definition: { name: string; version: number };
  /** What was recorded for the latest run (undefined when it never ran). */
  previous: RecordedDefinition | undefined;
}

/** Outcome of {@link checkDefinitionVersion}: the hash, and whether this is a version never stored before. */
export interface DefinitionVersionCheck {
  hash: string;
  status: 'first' | 'unchanged' | 'new-version';
}

/**
 * Decides whether a definition may run against what was recorded before: same version and same hash is
 * `unchanged`; a higher version is `new-version`; same version with a different hash throws
 * {@link DefinitionVersionConflictError} (bump the version), and so does a lower version.
 */
export function checkDefinitionVersion(options: CheckDefinitionVersionOptions): DefinitionVersionCheck {
  const { definition, previous } = options;
  const hash = definitionHash(definition);
  if (previous === undefined) return { hash, status: 'first' };
  if (definition.version > previous.version) return { hash, status: 'new-version' };
  if (definition.version === previous.version && hash === previous.hash) return { hash, status: 'unchanged' };
  throw new DefinitionVersionConflictError(
    definition.name,
    definition.version,
    hash,
    previous.version,
    previous.hash,
  );
}

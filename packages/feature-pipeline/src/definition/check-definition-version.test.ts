import { describe, expect, it } from 'vitest';
import { DefinitionVersionConflictError } from '../errors.js';
import { onlineRetailFeatures } from '../examples/online-retail-features.js';
import { checkDefinitionVersion } from './check-definition-version.js';
import { definitionHash } from './definition-hash.js';

describe('checkDefinitionVersion', () => {
  const hash = definitionHash(onlineRetailFeatures);

  it('accepts a first run, an unchanged definition and a bumped version', () => {
    expect(checkDefinitionVersion({ definition: onlineRetailFeatures, previous: undefined })).toEqual({
      hash,
      status: 'first',
    });
    expect(
      checkDefinitionVersion({ definition: onlineRetailFeatures, previous: { version: 1, hash } }),
    ).toEqual({
      hash,
      status: 'unchanged',
    });
    const bumped = { ...structuredClone(onlineRetailFeatures), version: 2 };
    expect(checkDefinitionVersion({ definition: bumped, previous: { version: 1, hash } }).status).toBe(
      'new-version',
    );
  });

  it('refuses a changed definition that kept its version, naming the version to use', () => {
    const changed = structuredClone(onlineRetailFeatures);
    changed.description = 'now different';
    const check = () => checkDefinitionVersion({ definition: changed, previous: { version: 1, hash } });
    expect(check).toThrow(DefinitionVersionConflictError);
    expect(check).toThrow(/version 1 changed .*bump `version` to 2/);
  });

  it('refuses an older version than the recorded one', () => {
    expect(() =>
      checkDefinitionVersion({
        definition: onlineRetailFeatures,
        previous: { version: 3, hash: 'f'.repeat(64) },
      }),
    ).toThrow(/older than the recorded version 3/);
  });
});

import { describe, expect, it } from 'vitest';
import { onlineRetailFeatures } from '../examples/online-retail-features.js';
import { definitionHash } from './definition-hash.js';
import type { FeatureSetDefinition } from './feature-set-definition.js';
import { parseFeatureSetDefinition } from './parse-feature-set-definition.js';

const clone = (): FeatureSetDefinition => structuredClone(onlineRetailFeatures);

describe('definitionHash', () => {
  it('is the hex SHA-256 of the canonical JSON and stable across key order and re-parsing', () => {
    const hash = definitionHash(onlineRetailFeatures);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const reordered = Object.fromEntries(Object.entries(clone()).reverse());
    expect(definitionHash(reordered)).toBe(hash);
    expect(definitionHash(parseFeatureSetDefinition(JSON.parse(JSON.stringify(onlineRetailFeatures))))).toBe(
      hash,
    );
  });

  it('changes with any change of content', () => {
    const base = definitionHash(onlineRetailFeatures);
    const variants: ((d: FeatureSetDefinition) => void)[] = [
      (d) => {
        const f = d.features[0];
        if (f?.kind === 'aggregate') f.windowDays = 8;
      },
      (d) => {
        const f = d.features[0];
        if (f?.kind === 'aggregate') f.filter = undefined;
      },
      (d) => {
        d.features.reverse();
      },
      (d) => {
        d.version = 2;
      },
      (d) => {
        d.entity.activeWithinDays = 364;
      },
      (d) => {
        d.source.values.revenue = { op: 'col', name: 'UnitPrice' };
      },
    ];
    const hashes = variants.map((change) => {
      const d = clone();
      change(d);
      return definitionHash(d);
    });
    expect(hashes.every((hash) => hash !== base)).toBe(true);
    expect(new Set(hashes).size).toBe(variants.length);
  });

  it('does not change when a default is spelled out in the input', () => {
    const input = {
      name: 'tiny',
      version: 1,
      source: { entityKey: 'k', eventTime: 't', columns: { k: 'long', t: 'date' } },
      entity: { name: 'k' },
      features: [{ kind: 'aggregate', name: 'n', fn: 'count', windowDays: 7 }],
    };
    const spelled = structuredClone(input) as typeof input & { description: string };
    spelled.description = '';
    expect(definitionHash(parseFeatureSetDefinition(spelled))).toBe(
      definitionHash(parseFeatureSetDefinition(input)),
    );
  });
});

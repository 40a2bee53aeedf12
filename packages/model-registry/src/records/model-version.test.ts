import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CorruptModelError } from '../errors.js';
import { type ModelVersion, ModelVersionSchema } from './model-version.js';
import { parseModelVersion, serializeModelVersion } from './model-version-json.js';

const valid = {
  formatVersion: 1,
  name: 'churn-mlp',
  version: 3,
  createdAtMs: 1_700_000_000_000,
  artifacts: [{ path: 'model.json', sha256: 'ab'.repeat(32), size: 10 }],
  signature: { inputs: [{ name: 'x', type: 'float' }], outputs: [{ name: 'y', type: 'float' }] },
  metrics: { roc_auc: 0.81 },
  lineage: {
    sources: [{ kind: 'feature-view', name: 'rfm', table: 'features/rfm', snapshotId: 2n ** 62n + 1n }],
    spineHash: 'c'.repeat(64),
    runId: 'run-1',
    backend: 'wasm',
  },
};

const issuePath = (value: unknown) => ModelVersionSchema.safeParse(value).error?.issues[0]?.path.join('.');

describe('ModelVersionSchema', () => {
  it('fills defaults and keeps 63-bit snapshot ids exact as decimal strings', () => {
    const record = ModelVersionSchema.parse(valid);
    expect(record.description).toBe('');
    expect(record.tags).toEqual({});
    expect(record.params).toEqual({});
    expect(record.segmentMetrics).toEqual([]);
    expect(record.signature.inputs[0]?.required).toBe(true);
    expect(record.lineage.sources[0]?.snapshotId).toBe('4611686018427387905');
    expect(record.lineage.libraryVersions).toEqual({});
  });

  it('rejects each broken field at its path', () => {
    expect(issuePath({ ...valid, version: 0 })).toBe('version');
    expect(issuePath({ ...valid, name: '../etc' })).toBe('name');
    expect(issuePath({ ...valid, metrics: { auc: Number.NaN } })).toBe('metrics.auc');
    expect(issuePath({ ...valid, params: { when: new Date(0) } })).toBe('params');
    expect(issuePath({ ...valid, artifacts: [] })).toBe('artifacts');
    expect(issuePath({ ...valid, artifacts: [valid.artifacts[0], valid.artifacts[0]] })).toBe(
      'artifacts.1.path',
    );
    expect(issuePath({ ...valid, artifacts: [{ path: 'a/../b', sha256: 'ab'.repeat(32), size: 1 }] })).toBe(
      'artifacts.0.path',
    );
    expect(issuePath({ ...valid, signature: { inputs: [], outputs: valid.signature.outputs } })).toBe(
      'signature.inputs',
    );
    expect(
      issuePath({ ...valid, signature: { ...valid.signature, inputs: [{ name: 'x', type: 'double' }] } }),
    ).toBe('signature.inputs.0.type');
    expect(issuePath({ ...valid, lineage: { ...valid.lineage, spineHash: 'not-hex' } })).toBe(
      'lineage.spineHash',
    );
  });

  it('round-trips any valid record through version.json unchanged', () => {
    const metric = fc.double({ noNaN: true, noDefaultInfinity: true });
    const json = fc.jsonValue().filter((v) => JSON.stringify(v) !== undefined);
    fc.assert(
      fc.property(
        fc.record({
          version: fc.integer({ min: 1, max: 1_000_000 }),
          metrics: fc.dictionary(fc.string({ minLength: 1 }), metric),
          params: fc.dictionary(fc.string(), json),
          description: fc.string(),
          tags: fc.dictionary(fc.string({ minLength: 1 }), fc.string()),
        }),
        (fields) => {
          const record: ModelVersion = ModelVersionSchema.parse({ ...valid, ...fields });
          const parsed = parseModelVersion(serializeModelVersion(record), 'version.json');
          // JSON has no -0: compare the JSON texts, which is what storage keeps.
          expect(JSON.stringify(parsed)).toBe(JSON.stringify(record));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('names the damaged file when version.json is not a record', () => {
    const bad = new TextEncoder().encode('{"formatVersion":2}');
    const error = (() => {
      try {
        parseModelVersion(bad, 'models/m/versions/1/version.json');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(CorruptModelError);
    expect((error as CorruptModelError).file).toBe('models/m/versions/1/version.json');
    expect(() => parseModelVersion(new Uint8Array([0xff, 0xfe]), 'v.json')).toThrow(/not UTF-8 JSON/);
  });
});

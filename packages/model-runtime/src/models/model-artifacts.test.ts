import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../backend/select-backend.js';
import { InvalidInputError } from '../errors.js';
import { createMulberry32 } from '../random/create-mulberry32.js';
import { makeBinaryRows, weightBytes } from '../testing/make-rows.js';
import { createModel } from './create-model.js';
import type { DenseModel } from './dense-model.js';
import { loadModelArtifacts } from './load-model-artifacts.js';
import type { ModelArtifactFile } from './model-artifacts.js';
import type { ModelSpecInput } from './model-spec.js';
import { predictProba } from './predict-proba.js';
import { saveModelArtifacts } from './save-model-artifacts.js';

beforeAll(async () => {
  await selectBackend({ prefer: 'wasm' });
});

/** An IOHandler reading the files as tfjs' file:// and http loaders do: model.json, then shards by manifest. */
function filesHandler(files: ModelArtifactFile[]): tf.io.IOHandler {
  const byPath = new Map(files.map((file) => [file.path, file.bytes]));
  return {
    load: () => {
      const json = JSON.parse(new TextDecoder().decode(byPath.get('model.json')!)) as tf.io.ModelJSON;
      return tf.io.getModelArtifactsForJSON(json, async (manifest) => {
        const shards = manifest.flatMap((group) => group.paths.map((path) => byPath.get(path)!));
        const buffer = tf.io.concatenateArrayBuffers(shards.map((s) => s.slice().buffer as ArrayBuffer));
        return [manifest.flatMap((group) => group.weights), buffer];
      });
    },
  };
}

function trained(spec: ModelSpecInput, width: number): DenseModel {
  const model = createModel(spec, width, { seed: 4 });
  const random = createMulberry32(5);
  for (const layer of model.layers)
    for (let i = 0; i < layer.bias.length; i++) layer.bias[i] = random() - 0.5;
  return model;
}

describe('saveModelArtifacts / loadModelArtifacts', () => {
  const rows = makeBinaryRows(500, 6, 5).x;
  const specs: ModelSpecInput[] = [
    { kind: 'mlp', task: { kind: 'binary' }, hiddenLayers: [16, 8], dropout: 0.3 },
    { kind: 'mlp', task: { kind: 'multiclass', numClasses: 3 }, hiddenLayers: [6], activation: 'tanh' },
    { kind: 'mlp', task: { kind: 'regression' }, hiddenLayers: [4], activation: 'sigmoid' },
    { kind: 'logistic-regression', task: { kind: 'binary' } },
  ];
  for (const spec of specs) {
    it(`round-trips a ${spec.kind} (${JSON.stringify(spec)}) and plain tf.loadLayersModel predicts the same`, async () => {
      const model = trained(spec, 5);
      const baseline = tf.memory().numTensors;
      const { files } = await saveModelArtifacts(model);
      expect(files.map((file) => file.path)).toEqual(['model.json', 'group1-shard1of1.bin']);
      const loaded = loadModelArtifacts(files);
      expect(loaded.spec).toEqual(model.spec);
      expect(weightBytes(loaded).equals(weightBytes(model))).toBe(true);

      const layersModel = await tfl.loadLayersModel(filesHandler(files));
      const ours = await predictProba(model, rows);
      const theirs = tf.tidy(() =>
        (layersModel.predict(tf.tensor2d(rows.values, [rows.rows, rows.width])) as tf.Tensor).dataSync(),
      );
      layersModel.dispose();
      expect(theirs).toHaveLength(ours.length);
      for (let i = 0; i < ours.length; i++) expect(Math.abs(theirs[i]! - ours[i]!)).toBeLessThan(1e-6);
      expect(tf.memory().numTensors).toBe(baseline);
    });
  }

  it('writes the same bytes for the same model, split into shards of the requested size', async () => {
    const model = trained({ kind: 'mlp', task: { kind: 'binary' }, hiddenLayers: [32] }, 5);
    const a = await saveModelArtifacts(model, { shardBytes: 256 });
    const b = await saveModelArtifacts(model, { shardBytes: 256 });
    expect(a).toEqual(b);
    // (5·32 + 32 + 32 + 1) floats = 225 · 4 bytes → 4 shards of ≤ 256 bytes.
    expect(a.files.map((file) => [file.path, file.bytes.byteLength])).toEqual([
      ['model.json', a.files[0]!.bytes.byteLength],
      ['group1-shard1of4.bin', 256],
      ['group1-shard2of4.bin', 256],
      ['group1-shard3of4.bin', 256],
      ['group1-shard4of4.bin', 132],
    ]);
    expect(weightBytes(loadModelArtifacts(a.files)).equals(weightBytes(model))).toBe(true);
    const layersModel = await tfl.loadLayersModel(filesHandler(a.files));
    expect(layersModel.layers.map((layer) => layer.name)).toEqual(['dense_0', 'dense_1']);
    layersModel.dispose();
  });

  it('rejects missing or mismatched files, naming what is wrong', async () => {
    const { files } = await saveModelArtifacts(trained({ kind: 'linear-regression' }, 3));
    expect(() => loadModelArtifacts(files.slice(1))).toThrow(InvalidInputError);
    expect(() => loadModelArtifacts(files.slice(0, 1))).toThrow('lacks weight shard group1-shard1of1.bin');
    const truncated = [files[0]!, { ...files[1]!, bytes: files[1]!.bytes.slice(0, 8) }];
    expect(() => loadModelArtifacts(truncated)).toThrow(/too few/);
    const json = JSON.parse(new TextDecoder().decode(files[0]!.bytes));
    json.userDefinedMetadata.fti.inputWidth = 4;
    const widened = [
      { path: 'model.json', bytes: new TextEncoder().encode(JSON.stringify(json)) },
      files[1]!,
    ];
    expect(() => loadModelArtifacts(widened)).toThrow('expected dense_0/kernel float32[4,1]');
  });
});

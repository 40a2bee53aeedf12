import { InvalidInputError } from '../errors.js';
import type { DenseModel } from './dense-model.js';
import type { FtiModelMetadata, ModelArtifactFile } from './model-artifacts.js';
import { parseModelSpec } from './parse-model-spec.js';
import { planLayers } from './plan-layers.js';
import { LAYERS_MODEL_NAME } from './to-layers-model.js';

interface WeightSpec {
  name: string;
  shape: number[];
  dtype: string;
}

/**
 * Rebuilds a `DenseModel` from the files `saveModelArtifacts` wrote (or any copy of them): reads the fti
 * spec from `model.json`, concatenates the shards in manifest order and checks every weight's name, shape
 * and dtype against the spec. No tensors are created.
 * @throws InvalidInputError naming the file or weight at fault.
 */
export function loadModelArtifacts(files: ModelArtifactFile[]): DenseModel {
  const byPath = new Map(files.map((file) => [file.path, file.bytes]));
  const jsonBytes = byPath.get('model.json');
  if (!jsonBytes)
    throw new InvalidInputError('files', 'has no model.json; pass every file saveModelArtifacts wrote');
  const json = JSON.parse(new TextDecoder().decode(jsonBytes)) as {
    weightsManifest?: { paths: string[]; weights: WeightSpec[] }[];
    userDefinedMetadata?: { fti?: FtiModelMetadata };
  };
  const metadata = json.userDefinedMetadata?.fti;
  if (metadata?.format !== 'fti-dense/1')
    throw new InvalidInputError(
      'files',
      'model.json carries no fti model metadata (userDefinedMetadata.fti); it was not saved by fti',
    );
  const spec = parseModelSpec(metadata.spec);
  const plans = planLayers(spec, metadata.inputWidth);
  const manifest = json.weightsManifest ?? [];
  const specs = manifest.flatMap((group) => group.weights);
  const shards = manifest.flatMap((group) =>
    group.paths.map((path) => {
      const bytes = byPath.get(path);
      if (!bytes) throw new InvalidInputError('files', `lacks weight shard ${path} listed in model.json`);
      return bytes;
    }),
  );
  const total = shards.reduce((sum, shard) => sum + shard.byteLength, 0);
  const weights = new Uint8Array(total);
  let offset = 0;
  for (const shard of shards) {
    weights.set(shard, offset);
    offset += shard.byteLength;
  }
  const expected = plans.flatMap((plan, index) => [
    {
      name: `${LAYERS_MODEL_NAME}/dense_${index}/kernel`,
      alt: `dense_${index}/kernel`,
      shape: [plan.inputs, plan.units],
    },
    { name: `${LAYERS_MODEL_NAME}/dense_${index}/bias`, alt: `dense_${index}/bias`, shape: [plan.units] },
  ]);
  if (specs.length !== expected.length)
    throw new InvalidInputError(
      'files',
      `model.json lists ${specs.length} weights; the spec needs ${expected.length}`,
    );
  let byteOffset = 0;
  const arrays = specs.map((weight, index) => {
    const want = expected[index]!;
    if (
      (weight.name !== want.name && weight.name !== want.alt) ||
      weight.dtype !== 'float32' ||
      weight.shape.join('x') !== want.shape.join('x')
    )
      throw new InvalidInputError(
        'files',
        `weight ${index} is ${weight.name} ${weight.dtype}[${weight.shape}], expected ${want.alt} float32[${want.shape}]`,
      );
    const size = want.shape.reduce((a, b) => a * b, 1);
    if (byteOffset + size * 4 > total)
      throw new InvalidInputError('files', `weight shards hold ${total} bytes, too few for ${weight.name}`);
    const values = new Float32Array(size);
    new Uint8Array(values.buffer).set(weights.subarray(byteOffset, byteOffset + size * 4));
    byteOffset += size * 4;
    return values;
  });
  if (byteOffset !== total)
    throw new InvalidInputError(
      'files',
      `weight shards hold ${total} bytes but the weights use ${byteOffset}`,
    );
  return {
    spec,
    inputWidth: metadata.inputWidth,
    layers: plans.map((plan, index) => ({
      ...plan,
      kernel: arrays[index * 2]!,
      bias: arrays[index * 2 + 1]!,
    })),
  };
}

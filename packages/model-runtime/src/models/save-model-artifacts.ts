import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '../backend/select-backend.js';
import { InvalidInputError } from '../errors.js';
import type { DenseModel } from './dense-model.js';
import type { FtiModelMetadata, ModelArtifactFile, ModelArtifacts } from './model-artifacts.js';
import { toLayersModel } from './to-layers-model.js';

/** Options of {@link saveModelArtifacts}. */
export interface SaveModelArtifactsOptions {
  /** Largest weight shard in bytes, as tfjs' converter splits them; default 4 MiB. */
  shardBytes?: number;
}

/**
 * Serialises a model in the tfjs LayersModel format, in memory: `model.json` (topology, weights manifest,
 * and the fti spec in `userDefinedMetadata.fti`) plus `group1-shardNofM.bin` weight shards, ready for the
 * model registry to store. Plain `tf.loadLayersModel` loads the files in Node and the browser;
 * `loadModelArtifacts` turns them back into the same `DenseModel`. Same model, same bytes.
 */
export async function saveModelArtifacts(
  model: DenseModel,
  options: SaveModelArtifactsOptions = {},
): Promise<ModelArtifacts> {
  const shardBytes = options.shardBytes ?? 4 * 1024 * 1024;
  if (!Number.isSafeInteger(shardBytes) || shardBytes < 4 || shardBytes % 4 !== 0)
    throw new InvalidInputError('shardBytes', `must be a positive multiple of 4, got ${shardBytes}`);
  await selectBackend();
  const layersModel = toLayersModel(model);
  const metadata: FtiModelMetadata = {
    format: 'fti-dense/1',
    spec: model.spec,
    inputWidth: model.inputWidth,
  };
  layersModel.setUserDefinedMetadata({ fti: metadata });
  let files: ModelArtifactFile[] = [];
  try {
    await layersModel.save(
      tf.io.withSaveHandler(async (artifacts) => {
        const weights = toBytes(artifacts.weightData);
        const count = Math.max(1, Math.ceil(weights.byteLength / shardBytes));
        const shards = Array.from({ length: count }, (_, index) => ({
          path: `group1-shard${index + 1}of${count}.bin`,
          bytes: weights.slice(index * shardBytes, Math.min(weights.byteLength, (index + 1) * shardBytes)),
        }));
        const modelJson = {
          format: artifacts.format,
          generatedBy: artifacts.generatedBy,
          convertedBy: artifacts.convertedBy,
          modelTopology: artifacts.modelTopology,
          weightsManifest: [{ paths: shards.map((shard) => shard.path), weights: artifacts.weightSpecs }],
          userDefinedMetadata: artifacts.userDefinedMetadata,
        };
        files = [
          { path: 'model.json', bytes: new TextEncoder().encode(JSON.stringify(modelJson)) },
          ...shards,
        ];
        return { modelArtifactsInfo: { dateSaved: new Date(0), modelTopologyType: 'JSON' } };
      }),
    );
  } finally {
    layersModel.dispose();
  }
  return { files };
}

function toBytes(data: tf.io.WeightData | undefined): Uint8Array {
  if (data === undefined) return new Uint8Array(0);
  const buffers = Array.isArray(data) ? data : [data];
  return new Uint8Array(tf.io.concatenateArrayBuffers(buffers));
}

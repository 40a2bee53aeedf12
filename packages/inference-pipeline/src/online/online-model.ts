import type { ServableModel } from '../load/servable-model.js';
import { compileRequestReader, type RequestReader } from './compile-request-reader.js';

/** A servable model with its request reader compiled once, as the online scorer holds it. */
export interface OnlineModel {
  servable: ServableModel;
  /** `name@version`. */
  label: string;
  /** Validates request rows against the signature and builds the preprocessor's input columns. */
  read: RequestReader;
}

/** Compiles a loaded model for online scoring (the signature checks are built once, not per request). */
export function prepareOnlineModel(servable: ServableModel): OnlineModel {
  const label = `${servable.name}@${servable.version}`;
  return {
    servable,
    label,
    read: compileRequestReader({ label, signature: servable.signature, preprocessor: servable.preprocessor }),
  };
}

import { FeaturePipelineError } from '../errors.js';

/** The bucket and key of an `s3://bucket/key` URI. */
export interface S3Location {
  bucket: string;
  /** Key (or key prefix) without a leading slash; may be empty. */
  key: string;
}

/** Splits `s3://bucket/key` into bucket and key; throws when the URI is not of that form. */
export function parseS3Uri(uri: string): S3Location {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
  if (!match?.[1]) {
    throw new FeaturePipelineError(`\`${uri}\` is not an S3 URI; write it as s3://bucket/key`);
  }
  return { bucket: match[1], key: match[2] ?? '' };
}

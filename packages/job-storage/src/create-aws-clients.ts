import { AthenaClient } from '@aws-sdk/client-athena';
import { GlueClient } from '@aws-sdk/client-glue';
import { S3Client } from '@aws-sdk/client-s3';
import type { AwsSettings } from './storage-config.js';

/** The AWS clients a job may need, all configured from the same {@link AwsSettings}. */
export interface AwsClients {
  s3: S3Client;
  glue: GlueClient;
  athena: AthenaClient;
}

/**
 * Builds the S3, Glue and Athena clients of a storage setup. Credentials come from the SDK's default chain
 * (environment, shared profile, container or instance role); with an `endpoint`, S3 uses path-style
 * addressing (what moto, LocalStack and MinIO serve).
 */
export function createAwsClients(aws: AwsSettings): AwsClients {
  const common = {
    ...(aws.region ? { region: aws.region } : {}),
    ...(aws.endpoint ? { endpoint: aws.endpoint } : {}),
  };
  return {
    s3: new S3Client({ ...common, ...(aws.endpoint ? { forcePathStyle: true } : {}) }),
    glue: new GlueClient(common),
    athena: new AthenaClient(common),
  };
}

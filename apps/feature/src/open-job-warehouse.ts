import { resolve } from 'node:path';
import { GlueClient } from '@aws-sdk/client-glue';
import { S3Client } from '@aws-sdk/client-s3';
import type { FeaturePipelineConfig } from '@fti/feature-pipeline';
import { openWarehouse, type Warehouse } from '@fti/feature-store';

/** The warehouse of a job and the S3 client it made (for `s3://` sources), if any. */
export interface JobWarehouse {
  warehouse: Warehouse;
  s3: S3Client | undefined;
}

/**
 * Opens the warehouse a job config names: a local folder (relative to the config file's folder) or an S3
 * bucket with a folder or Glue catalog; credentials come from the AWS SDK's default chain.
 */
export async function openJobWarehouse(
  config: FeaturePipelineConfig,
  baseDir: string,
): Promise<JobWarehouse> {
  const location = config.warehouse;
  if (location.kind === 'local') {
    return {
      warehouse: await openWarehouse({ location: { kind: 'local', path: resolve(baseDir, location.path) } }),
      s3: undefined,
    };
  }
  const clientConfig = {
    ...(location.region ? { region: location.region } : {}),
    ...(location.endpoint ? { endpoint: location.endpoint, forcePathStyle: true } : {}),
  };
  const s3 = new S3Client(clientConfig);
  const warehouse = await openWarehouse({
    location: {
      kind: 's3',
      client: s3,
      bucket: location.bucket,
      ...(location.prefix ? { prefix: location.prefix } : {}),
      catalog:
        location.catalog === 'glue'
          ? { kind: 'glue', client: new GlueClient(clientConfig) }
          : { kind: 'folder' },
    },
  });
  return { warehouse, s3 };
}

import type { StoragePlan } from './plan-storage.js';
import { formatStoreLocation } from './store-location.js';

/** One line saying where a job's data and models live, for the job's first log line. */
export function describeStoragePlan(plan: StoragePlan): string {
  const parts = [
    `warehouse ${formatStoreLocation(plan.warehouse)} (${plan.catalog} catalog)`,
    `engine ${plan.engine}${plan.athena ? ` (workgroup ${plan.athena.workGroup}, results ${plan.athena.outputLocation})` : ''}`,
    `registry ${formatStoreLocation(plan.registry)}`,
  ];
  if (plan.aws.region) parts.push(`region ${plan.aws.region}`);
  if (plan.aws.endpoint) parts.push(`endpoint ${plan.aws.endpoint}`);
  return parts.join(', ');
}

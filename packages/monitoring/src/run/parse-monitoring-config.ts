import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { InvalidMonitoringConfigError } from './invalid-monitoring-config-error.js';
import { type MonitoringConfig, MonitoringConfigSchema } from './monitoring-config.js';

/**
 * Parses and validates a monitoring configuration from JSON or YAML text (YAML is a superset of JSON).
 * @throws InvalidMonitoringConfigError naming every field at fault.
 */
export function parseMonitoringConfig(text: string, source = 'config'): MonitoringConfig {
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    throw new InvalidMonitoringConfigError(source, [`not valid JSON or YAML: ${(error as Error).message}`], {
      cause: error,
    });
  }
  const parsed = MonitoringConfigSchema.safeParse(raw);
  if (!parsed.success) {
    throw new InvalidMonitoringConfigError(source, z.prettifyError(parsed.error).split('\n'), {
      cause: parsed.error,
    });
  }
  return parsed.data;
}

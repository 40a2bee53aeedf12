import { spawnSync } from 'node:child_process';

const PYTHON = '/usr/bin/python3';

/** Why Debian's python3-avro cannot be used here, or undefined when it can. */
export function pythonAvroUnavailable(): string | undefined {
  const probe = spawnSync(PYTHON, ['-c', 'import avro.datafile'], { encoding: 'utf8' });
  if (probe.error) return `${PYTHON} not runnable: ${probe.error.message}`;
  if (probe.status !== 0)
    return `python3-avro not importable (apt-get install -y python3-avro): ${probe.stderr.trim()}`;
  return undefined;
}

/**
 * Reads an Avro file with the independent Python implementation and returns its header metadata and records
 * as JSON (bytes as hex strings, longs as decimal strings so 64-bit values survive).
 */
export function readAvroWithPython(file: string): {
  meta: Record<string, string>;
  schema: unknown;
  records: unknown[];
} {
  const script = `
import json, sys, warnings
warnings.filterwarnings('ignore')
from avro.datafile import DataFileReader
from avro.io import DatumReader
def conv(v):
    if isinstance(v, bytes): return v.hex()
    if isinstance(v, bool) or v is None: return v
    if isinstance(v, int): return str(v)
    if isinstance(v, dict): return {k: conv(x) for k, x in v.items()}
    if isinstance(v, list): return [conv(x) for x in v]
    return v
with open(sys.argv[1], 'rb') as f:
    r = DataFileReader(f, DatumReader())
    meta = {k: v.decode('utf-8') for k, v in r.meta.items()}
    records = [conv(x) for x in r]
print(json.dumps({'meta': meta, 'records': records}))
`;
  const run = spawnSync(PYTHON, ['-c', script, file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`python3-avro failed on ${file}: ${run.stderr}`);
  const out = JSON.parse(run.stdout) as { meta: Record<string, string>; records: unknown[] };
  return { meta: out.meta, schema: JSON.parse(out.meta['avro.schema'] ?? 'null'), records: out.records };
}

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * For a peer written in Python (Debian's python3-pandas, python3-sklearn, ...): says why it cannot run here,
 * or returns undefined when the interpreter imports every module. Use as a side's `unavailable` check.
 * @param options.modules Python modules the peer imports, e.g. `['pandas']`.
 * @param options.python Interpreter; default `/usr/bin/python3` (the Debian one, where apt installs them).
 */
export async function pythonModuleUnavailable(options: {
  modules: string[];
  python?: string;
}): Promise<string | undefined> {
  const python = options.python ?? '/usr/bin/python3';
  if (!existsSync(python)) return `${python} is not installed`;
  const missing = options.modules.filter(
    (module) => spawnSync(python, ['-c', `import ${module}`], { stdio: 'ignore' }).status !== 0,
  );
  if (missing.length === 0) return undefined;
  const packages = missing.map((module) => `python3-${module}`).join(' ');
  return `${python} cannot import ${missing.join(', ')} (apt-get install ${packages})`;
}

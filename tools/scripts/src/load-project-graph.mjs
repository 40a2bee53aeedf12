import { createRequire } from 'node:module';

/**
 * Computes the Nx project graph of the workspace (no daemon), through `@nx/devkit`.
 * @param {string} root Workspace root; Nx reads the graph of the current working directory.
 * @returns {Promise<import('./boundaries/check-boundaries.mjs').ProjectGraphLike>}
 */
export async function loadProjectGraph(root) {
  process.env.NX_DAEMON ??= 'false';
  process.env.NX_NO_CLOUD ??= 'true';
  process.chdir(root);
  const require = createRequire(`${root}/package.json`);
  /** @type {{ createProjectGraphAsync: (options: { exitOnError: boolean }) => Promise<any> }} */
  const devkit = require('@nx/devkit');
  return devkit.createProjectGraphAsync({ exitOnError: false });
}

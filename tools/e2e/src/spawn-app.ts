import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

/** An app process and everything it has printed so far. */
export interface AppProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code. */
  exited: Promise<number>;
}

const ROOT = join(import.meta.dirname, '../../..');

/**
 * Starts an app's entry point as `nx run <app>:start` does (tsx on the workspace sources) in `cwd`, with
 * `env` added to this process's environment, capturing stdout and stderr.
 */
export function spawnApp(options: {
  app: 'feature' | 'training' | 'inference' | 'monitoring' | 'serving';
  args: string[];
  cwd: string;
  env: Record<string, string>;
}): AppProcess {
  const child = spawn(
    join(ROOT, 'node_modules/.bin/tsx'),
    ['--conditions=@fti/source', join(ROOT, 'apps', options.app, 'src/main.ts'), ...options.args],
    { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const append = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<number>((done, fail) => {
    child.on('error', fail);
    child.on('close', (code) => done(code ?? -1));
  });
  return { child, output: () => output, exited };
}

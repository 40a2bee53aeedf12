import { spawn } from 'node:child_process';
import { join } from 'node:path';

/** What a job process printed and how it ended. */
export interface JobRun {
  exitCode: number;
  output: string;
}

const ROOT = join(import.meta.dirname, '../../..');

/**
 * Runs an app's entry point as `nx run <app>:start` does (tsx on the workspace sources) in `cwd`, with `env`
 * added to this process's environment; resolves with the exit code and everything it printed.
 */
export function runJob(options: {
  app: 'feature' | 'training' | 'inference' | 'monitoring';
  args: string[];
  cwd: string;
  env: Record<string, string>;
}): Promise<JobRun> {
  const tsx = join(ROOT, 'node_modules/.bin/tsx');
  const main = join(ROOT, 'apps', options.app, 'src/main.ts');
  return new Promise((done, fail) => {
    const child = spawn(tsx, ['--conditions=@fti/source', main, ...options.args], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', fail);
    child.on('close', (code) => done({ exitCode: code ?? -1, output }));
  });
}

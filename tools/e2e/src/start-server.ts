import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** A server process started by a test. */
export interface ServerProcess {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** Everything it printed so far. */
  output(): string;
  /** SIGTERM, then resolves with the exit code once it has drained and exited. */
  stop(): Promise<number>;
}

const ROOT = join(import.meta.dirname, '../../..');

/** Starts the serving app's entry point (as `nx run serving:start` does) on a free port in `cwd`. */
export async function startServer(options: {
  args: string[];
  cwd: string;
  env: Record<string, string>;
}): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(
    join(ROOT, 'node_modules/.bin/tsx'),
    [
      '--conditions=@fti/source',
      join(ROOT, 'apps/serving/src/main.ts'),
      ...options.args,
      '--port',
      String(port),
    ],
    { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number>((done) => child.on('close', (code) => done(code ?? -1)));
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    stop: () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

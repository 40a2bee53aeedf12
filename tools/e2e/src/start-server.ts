import { createServer } from 'node:net';
import { spawnApp } from './spawn-app.js';

/** A server process started by a test. */
export interface ServerProcess {
  /** `http://127.0.0.1:<port>`. */
  url: string;
  /** Everything it printed so far. */
  output(): string;
  /** SIGTERM, then resolves with the exit code once it has drained and exited. */
  stop(): Promise<number>;
}

/** Starts the serving app's entry point (see {@link spawnApp}) on a free port in `cwd`. */
export async function startServer(options: {
  args: string[];
  cwd: string;
  env: Record<string, string>;
}): Promise<ServerProcess> {
  const port = await freePort();
  const server = spawnApp({ ...options, app: 'serving', args: [...options.args, '--port', String(port)] });
  return {
    url: `http://127.0.0.1:${port}`,
    output: server.output,
    stop: () => {
      if (server.child.exitCode === null) server.child.kill('SIGTERM');
      return server.exited;
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

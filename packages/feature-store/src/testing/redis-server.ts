import { type ChildProcess, spawn } from 'node:child_process';
import { connect } from 'node:net';
import { findFreePort } from './find-free-port.js';
import { isOnPath } from './is-on-path.js';

/** A running Debian `redis-server` on 127.0.0.1 (no persistence), owned by the test that started it. */
export interface RedisServer {
  /** `redis://127.0.0.1:<port>`. */
  readonly url: string;
  readonly port: number;
  /** Stops the server; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts `redis-server --port <free port> --bind 127.0.0.1 --save '' --appendonly no` and waits until it
 * answers PING. When `redis-server` is not on PATH it throws if `CI` is set (CI must run the Redis suites)
 * and otherwise prints one line and returns `undefined`, so suites can `describe.skipIf(!redis)`.
 */
export async function startRedisServer(): Promise<RedisServer | undefined> {
  if (!isOnPath('redis-server')) {
    if (process.env.CI)
      throw new Error('redis-server not found on PATH; CI must have it (apt-get install redis-server)');
    console.warn('redis-server not found: skipping Redis tests (apt-get install redis-server)');
    return undefined;
  }
  const port = await findFreePort();
  // The guard shell reads its stdin, a pipe from this process: when this process dies in any way the pipe
  // closes, `read` returns and the shell stops redis, so no server outlives the test run.
  const script =
    'redis-server --port "$1" --bind 127.0.0.1 --save "" --appendonly no >/dev/null 2>&2 & r=$!; read _ignored; kill $r 2>/dev/null; wait $r';
  const child = spawn('sh', ['-c', script, 'sh', String(port)], {
    detached: true,
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  child.unref();
  for (const stream of [child.stdin, child.stderr]) (stream as unknown as { unref?: () => void })?.unref?.();
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr.push(chunk.toString());
  });
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= stopGuarded(child);
    return stopping;
  };
  try {
    await waitForPong(port, child, stderr);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `redis://127.0.0.1:${port}`, port, stop };
}

async function waitForPong(port: number, child: ChildProcess, stderr: string[]): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`redis-server exited before answering: ${stderr.join('').slice(-2000)}`);
    }
    if (await ping(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`redis-server did not answer on port ${port} within 10 s: ${stderr.join('').slice(-2000)}`);
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let reply = '';
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => {
      reply += data.toString();
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

/** Closes the guard's stdin so the shell stops redis; kills the process group if that takes over 5 s. */
async function stopGuarded(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.stdin?.end();
    const timer = setTimeout(() => killGroup(child), 5000);
    await exited;
    clearTimeout(timer);
  }
  killGroup(child);
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

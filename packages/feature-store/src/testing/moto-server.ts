import { type ChildProcess, spawn } from 'node:child_process';
import { GlueClient } from '@aws-sdk/client-glue';
import { S3Client } from '@aws-sdk/client-s3';
import { findFreePort } from './find-free-port.js';
import { isOnPath } from './is-on-path.js';

/** A running `moto_server` (S3, Glue, Athena emulator) on 127.0.0.1, owned by the test that started it. */
export interface MotoServer {
  /** `http://127.0.0.1:<port>`. */
  readonly endpoint: string;
  /** An S3 client for this server (dummy credentials, us-east-1, path-style addressing). */
  s3Client(): S3Client;
  /** A Glue client for this server (dummy credentials, us-east-1). */
  glueClient(): GlueClient;
  /** Clears every bucket, database and table (`POST /moto-api/reset`). */
  reset(): Promise<void>;
  /** Stops the server and every process it started; safe to call twice. */
  stop(): Promise<void>;
}

const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };
const REGION = 'us-east-1';

/**
 * Starts `moto_server -H 127.0.0.1 -p <free port>` and waits until it answers. When `moto_server` is not on
 * PATH it throws if `CI` is set (CI must run the S3 and Glue suites) and otherwise prints one line and
 * returns `undefined`, so suites can `describe.skipIf(!moto)`.
 */
export async function startMotoServer(): Promise<MotoServer | undefined> {
  if (!isOnPath('moto_server')) {
    if (process.env.CI)
      throw new Error('moto_server not found on PATH; CI must have it (pip install "moto[server]")');
    console.warn('moto_server not found: skipping S3/Glue tests');
    return undefined;
  }
  const port = await findFreePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const child = spawnGuarded(port);
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr.push(chunk.toString());
    if (stderr.length > 50) stderr.shift();
  });
  const stop = once(() => stopGroup(child));
  try {
    await waitUntilAnswering(endpoint, child, stderr);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    endpoint,
    s3Client: () =>
      new S3Client({ endpoint, region: REGION, credentials: CREDENTIALS, forcePathStyle: true }),
    glueClient: () => new GlueClient({ endpoint, region: REGION, credentials: CREDENTIALS }),
    reset: async () => {
      const response = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
      if (!response.ok) throw new Error(`moto_server reset failed: HTTP ${response.status}`);
    },
    stop,
  };
}

/**
 * Runs moto under a small shell in its own process group. The shell reads its stdin, a pipe from this
 * process: when this process dies in any way (even SIGKILL) the pipe closes, `read` returns and the shell
 * kills moto, so no server outlives the test run.
 */
function spawnGuarded(port: number): ChildProcess {
  const script =
    'moto_server -H 127.0.0.1 -p "$1" >/dev/null 2>&2 & m=$!; read _ignored; kill $m 2>/dev/null; wait $m';
  const child = spawn('sh', ['-c', script, 'sh', String(port)], {
    detached: true,
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  // Neither the child nor its pipes may keep the test process alive.
  child.unref();
  for (const stream of [child.stdin, child.stderr]) (stream as unknown as { unref?: () => void })?.unref?.();
  return child;
}

async function waitUntilAnswering(endpoint: string, child: ChildProcess, stderr: string[]): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`moto_server exited before answering: ${stderr.join('').slice(-2000)}`);
    }
    try {
      const response = await fetch(`${endpoint}/moto-api/`, { signal: AbortSignal.timeout(1000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`moto_server did not answer on ${endpoint} within 30 s: ${stderr.join('').slice(-2000)}`);
}

/**
 * Closes the guard's stdin so the shell stops and reaps moto (no zombie left), then kills the whole
 * process group as a fallback if that takes more than 5 s.
 */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.stdin?.end();
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  }
  killGroup(child, 'SIGKILL');
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

function once(run: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => {
    running ??= run();
    return running;
  };
}

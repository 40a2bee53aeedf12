import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import type { SideRun } from './types.js';

/**
 * A Python peer that loads its data, prints one line when ready, trains on a `go` line and prints one JSON
 * line `{ rows, auc }`: this runs the timed part and returns it as a side's result (quality = AUC).
 */
export async function runPythonPeer(child: ChildProcessWithoutNullStreams): Promise<SideRun> {
  const reply = readPeerLine(child);
  child.stdin.write('go\n');
  const { rows, auc } = JSON.parse(await reply) as { rows: number; auc: number };
  child.stdin.end();
  return { rows, quality: auc };
}

/** The next line a peer prints; rejects with its stderr when it exits first. */
export function readPeerLine(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const newline = out.indexOf('\n');
      if (newline < 0) return;
      child.stdout.off('data', onData);
      child.off('exit', onExit);
      resolve(out.slice(0, newline));
    };
    const onExit = (code: number | null) =>
      reject(new Error(`python peer exited (${code}): ${err.slice(-2000)}`));
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.once('exit', onExit);
  });
}

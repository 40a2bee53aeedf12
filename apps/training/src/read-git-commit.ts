import { execFileSync } from 'node:child_process';

/** The checked-out git commit of `cwd`, or undefined outside a git work tree (recorded with the run). */
export function readGitCommit(cwd: string = process.cwd()): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

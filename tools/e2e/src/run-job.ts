import { spawnApp } from './spawn-app.js';

/** What a job process printed and how it ended. */
export interface JobRun {
  exitCode: number;
  output: string;
}

/** Runs a job's entry point to its end (see {@link spawnApp}); resolves with the exit code and its output. */
export async function runJob(options: {
  app: 'feature' | 'training' | 'inference' | 'monitoring';
  args: string[];
  cwd: string;
  env: Record<string, string>;
}): Promise<JobRun> {
  const job = spawnApp(options);
  const exitCode = await job.exited;
  return { exitCode, output: job.output() };
}

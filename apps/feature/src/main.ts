import { runFeatureJob } from './run-feature-job.js';

const result = await runFeatureJob(
  process.argv.slice(2).filter((a) => a !== '--'),
  {
    write: (text) => process.stdout.write(text),
    isTTY: process.stdout.isTTY === true,
  },
);
process.exitCode = result.exitCode;

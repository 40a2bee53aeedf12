// Child process entry: runs one side of one workload and sends its SideOutcome to the parent over IPC, so
// `peakRssMb` is this process's own peak (process.resourceUsage().maxRSS) and sides never share a heap.
// Arguments: <suite module URL> <suite name> <workload> <fti|peer> <SideContext as JSON>.
import { NotImplementedYet } from './not-implemented-yet.js';
import type { SideContext, SideOutcome, Suite } from './types.js';

const [moduleUrl = '', suiteName = '', workloadName = '', sideName = '', contextJson = '{}'] =
  process.argv.slice(2);

async function measure(): Promise<SideOutcome> {
  const exported: Record<string, unknown> = await import(moduleUrl);
  const suite = Object.values(exported).find(
    (value): value is Suite => (value as Suite | undefined)?.name === suiteName,
  );
  const workload = suite?.workloads.find((candidate) => candidate.name === workloadName);
  if (!workload || (sideName !== 'fti' && sideName !== 'peer')) {
    return {
      kind: 'failed',
      reason: `no ${sideName} side of workload ${suiteName}/${workloadName} in ${moduleUrl}`,
    };
  }
  const side = workload[sideName];
  const context = JSON.parse(contextJson) as SideContext;
  try {
    const state = await side.setup?.(context);
    const started = performance.now();
    const { rows, quality, latencyMs, peakRssMb: workerRssMb } = await side.run(context, state);
    const seconds = (performance.now() - started) / 1000;
    const peakRssMb = workerRssMb ?? process.resourceUsage().maxRSS / 1024;
    await side.check?.(context, state, { rows });
    return {
      kind: 'measured',
      seconds,
      rows,
      peakRssMb,
      ...(quality === undefined ? {} : { quality }),
      ...(latencyMs === undefined ? {} : { latencyMs }),
    };
  } catch (error) {
    if (error instanceof NotImplementedYet) return { kind: 'pending', reason: error.message };
    return {
      kind: 'failed',
      reason: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
}

const outcome = await measure();
process.send?.(outcome, () => process.exit(0));

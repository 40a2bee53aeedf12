import type { PipelineProgress } from '@fti/feature-pipeline';

/** Where progress goes: a TTY gets one redrawn bar line, anything else one line per stage. */
export interface ProgressOutput {
  write(text: string): void;
  isTTY: boolean;
}

/**
 * Prints pipeline progress: on a terminal a bar (`[####------] 3/5 transform 2011-09-10: 3,412 rows`) redrawn
 * in place; otherwise one line per stage message, per-date lines folded into one count per run.
 */
export function createProgressPrinter(out: ProgressOutput): {
  onProgress(p: PipelineProgress): void;
  end(): void;
} {
  let open = false;
  let dates = 0;
  return {
    onProgress(p) {
      if (out.isTTY) {
        const width = 20;
        const filled = Math.round((p.step / p.steps) * width);
        const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${p.step}/${p.steps}`;
        out.write(`\r\x1b[2K${bar} ${p.stage}: ${p.message}`);
        open = true;
        if (p.stage === 'done') this.end();
        return;
      }
      if (p.date !== undefined) {
        dates++;
        return;
      }
      if (dates > 0 && p.stage !== 'transform') {
        out.write(`[feature] transform: ${dates} feature dates computed\n`);
        dates = 0;
      }
      out.write(`[feature] ${p.stage}: ${p.message}\n`);
    },
    end() {
      if (open) out.write('\n');
      open = false;
    },
  };
}

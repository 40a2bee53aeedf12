/** Where progress goes: a writable text stream and whether it is a terminal. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** Reports the steps of a run: a redrawn bar on a terminal, one log line per step otherwise (CI logs). */
export interface Progress {
  /** A step begins. */
  start(label: string): void;
  /** The current step ended; `detail` says how (e.g. `1.23 s, 412 MiB`). */
  finish(detail: string): void;
  /** A line of information between steps. */
  log(line: string): void;
  /** Clears the bar, if any. */
  done(): void;
}

/**
 * Creates a progress reporter for `total` steps.
 * @param options.stream Default `process.stderr`; a terminal (`isTTY`) gets the bar.
 */
export function createProgress(options: { total: number; stream?: ProgressStream }): Progress {
  const { total } = options;
  const stream = options.stream ?? process.stderr;
  const tty = stream.isTTY === true;
  let finished = 0;
  let label = '';
  const counter = () => `${Math.min(finished + 1, total)}/${total}`;
  const draw = () => {
    const width = 24;
    const filled = Math.round((finished / Math.max(total, 1)) * width);
    const line = `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${counter()} ${label}`;
    stream.write(`\r\x1b[2K${line.slice(0, (stream.columns ?? 120) - 1)}`);
  };
  return {
    start(next) {
      label = next;
      if (tty) draw();
      else stream.write(`[${counter()}] ${label} …\n`);
    },
    finish(detail) {
      if (tty) stream.write(`\r\x1b[2K  ${label}: ${detail}\n`);
      else stream.write(`[${counter()}] ${label}: ${detail}\n`);
      finished += 1;
      label = '';
      if (tty) draw();
    },
    log(line) {
      stream.write(tty ? `\r\x1b[2K${line}\n` : `${line}\n`);
      if (tty) draw();
    },
    done() {
      if (tty) stream.write('\r\x1b[2K');
    },
  };
}

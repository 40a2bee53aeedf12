import type { BenchResult } from './types.js';

/** Renders results as a plain-text table for the terminal: fti beside its peer, ratio, target, peak RSS. */
export function formatTable(results: BenchResult[]): string {
  const header = ['workload', 'fti', 'peer', 'peer value', 'ratio', 'target', 'pass', 'RSS fti', 'RSS peer'];
  const rows = results.map((result) => [
    result.workload,
    formatValue(result.value, result.unit),
    result.peer,
    formatValue(result.peerValue, result.unit),
    result.ratio === null ? '–' : `${result.ratio.toFixed(2)}x`,
    `≤ ${result.target}x`,
    result.pass === null ? 'skipped' : result.pass ? 'yes' : 'NO',
    formatMb(result.peakRssMb),
    formatMb(result.peerPeakRssMb),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, column) => cell.padEnd(widths[column]!))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '─'.repeat(width))), ...rows.map(line)].join('\n');
}

/** A measurement with its unit, or `–` when the side did not run. */
export function formatValue(value: number | null, unit: string): string {
  return value === null ? '–' : `${value.toFixed(value < 10 ? 2 : 1)} ${unit}`;
}

/** Peak RSS in MiB, or `–` when the side did not run. */
export function formatMb(value: number | null): string {
  return value === null ? '–' : `${value} MiB`;
}

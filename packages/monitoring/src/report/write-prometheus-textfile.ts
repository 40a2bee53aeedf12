import { rename, writeFile } from 'node:fs/promises';

/**
 * Writes exposition text for node-exporter's textfile collector: to `<path>.tmp` first, then renamed over
 * `path`, so the collector never reads a half-written file (the collector only reads `*.prom`).
 */
export async function writePrometheusTextfile(options: { path: string; text: string }): Promise<void> {
  const temporary = `${options.path}.${process.pid}.tmp`;
  await writeFile(temporary, options.text);
  await rename(temporary, options.path);
}

import type { MonitoringConfig } from '@fti/monitoring';

/**
 * The configs of a month-by-month slide ending at the config's current window: for each of the last
 * `months` months, the current window is that month and a windowed table reference is the month before.
 * A config without a current window is returned as is.
 */
export function slideMonths(config: MonitoringConfig, months: number): MonitoringConfig[] {
  const window = config.current.window;
  if (!window || months <= 1) return [config];
  const end = new Date(window.to);
  const shift = (d: Date, by: number) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + by, 1));
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return Array.from({ length: months }, (_, k) => {
    const to = shift(end, k - months + 1);
    const from = shift(to, -1);
    const current = { ...config.current, window: { ...window, from: day(from), to: day(to) } };
    const reference =
      config.reference.kind === 'table' && config.reference.window
        ? {
            ...config.reference,
            window: { ...config.reference.window, from: day(shift(from, -1)), to: day(from) },
          }
        : config.reference;
    return { ...config, current, reference };
  });
}

import { escapeHtml } from './escape-html.js';
import { formatNumber } from './format-number.js';
import type { Distribution } from './monitoring-report.js';

const WIDTH = 360;
const HEIGHT = 150;
const PAD = { left: 8, right: 8, top: 8, bottom: 34 };

/**
 * An inline SVG of a reference against current distribution: shares per bin (so windows of any size
 * compare), reference as grey bars, current as blue outlined bars side by side. No external resources.
 */
export function renderDistributionSvg(distribution: Distribution): string {
  const labels =
    distribution.kind === 'numeric'
      ? distribution.reference.map((_, i) => formatNumber(distribution.edges[i]))
      : distribution.categories;
  const reference = [...distribution.reference];
  const current = [...distribution.current];
  if (distribution.kind === 'numeric') {
    labels.unshift('below');
    reference.unshift(0);
    current.unshift(distribution.below);
    labels.push('above');
    reference.push(0);
    current.push(distribution.above);
  } else if (distribution.other.reference + distribution.other.current > 0) {
    labels.push('other');
    reference.push(distribution.other.reference);
    current.push(distribution.other.current);
  }
  const refShares = shares(reference);
  const curShares = shares(current);
  const top = Math.max(1e-12, ...refShares, ...curShares);
  const n = labels.length;
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, n);
  const bar = Math.max(1, slot * 0.42);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const x = PAD.left + i * slot;
    const rh = (refShares[i]! / top) * plotH;
    const ch = (curShares[i]! / top) * plotH;
    const title = `${labels[i]}: reference ${(refShares[i]! * 100).toFixed(1)}%, current ${(curShares[i]! * 100).toFixed(1)}%`;
    parts.push(
      `<g><title>${escapeHtml(title)}</title>` +
        `<rect x="${(x + slot * 0.06).toFixed(1)}" y="${(PAD.top + plotH - rh).toFixed(1)}" width="${bar.toFixed(1)}" height="${rh.toFixed(1)}" fill="#9ca3af"/>` +
        `<rect x="${(x + slot * 0.06 + bar).toFixed(1)}" y="${(PAD.top + plotH - ch).toFixed(1)}" width="${bar.toFixed(1)}" height="${ch.toFixed(1)}" fill="#2563eb" fill-opacity="0.75"/></g>`,
    );
  }
  const every = Math.max(1, Math.ceil(n / 8));
  const ticks = labels
    .map((label, i) =>
      i % every === 0
        ? `<text x="${(PAD.left + i * slot + slot / 2).toFixed(1)}" y="${HEIGHT - PAD.bottom + 12}" font-size="9" text-anchor="middle" fill="#374151">${escapeHtml(label.length > 10 ? `${label.slice(0, 9)}…` : label)}</text>`
        : '',
    )
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeHtml(distribution.column)} reference vs current">` +
    `<line x1="${PAD.left}" y1="${PAD.top + plotH}" x2="${WIDTH - PAD.right}" y2="${PAD.top + plotH}" stroke="#6b7280"/>` +
    parts.join('') +
    ticks +
    `<rect x="${PAD.left}" y="${HEIGHT - 14}" width="9" height="9" fill="#9ca3af"/><text x="${PAD.left + 12}" y="${HEIGHT - 6}" font-size="10" fill="#111827">reference</text>` +
    `<rect x="${PAD.left + 72}" y="${HEIGHT - 14}" width="9" height="9" fill="#2563eb" fill-opacity="0.75"/><text x="${PAD.left + 84}" y="${HEIGHT - 6}" font-size="10" fill="#111827">current (share of rows)</text>` +
    '</svg>'
  );
}

function shares(counts: number[]): number[] {
  const total = counts.reduce((s, c) => s + c, 0);
  return counts.map((c) => (total > 0 ? c / total : 0));
}

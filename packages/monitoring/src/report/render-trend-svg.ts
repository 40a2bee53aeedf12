import { escapeHtml } from './escape-html.js';
import { formatNumber } from './format-number.js';

const WIDTH = 380;
const HEIGHT = 170;
const PAD = { left: 44, right: 12, top: 12, bottom: 40 };

/**
 * An inline SVG line chart of one metric over past runs (oldest first); null values leave gaps. The y axis
 * spans the values' range (0 to 1 when `unit` is true).
 */
export function renderTrendSvg(options: {
  title: string;
  points: { label: string; value: number | null }[];
  /** Fix the axis to [0, 1] (shares, probabilities); default false. */
  unit?: boolean;
}): string {
  const { points } = options;
  const values = points.flatMap((p) => (p.value === null ? [] : [p.value]));
  let lo = options.unit ? 0 : Math.min(...values, 0);
  let hi = options.unit ? 1 : Math.max(...values, 0);
  if (!(hi > lo)) {
    lo -= 0.5;
    hi += 0.5;
  }
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length > 1 ? (i / (points.length - 1)) * plotW : plotW / 2);
  const y = (v: number) => PAD.top + plotH - ((v - lo) / (hi - lo)) * plotH;
  const segments: string[] = [];
  let path = '';
  points.forEach((p, i) => {
    if (p.value === null) {
      if (path) segments.push(path);
      path = '';
      return;
    }
    path += `${path ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`;
  });
  if (path) segments.push(path);
  const dots = points
    .map((p, i) =>
      p.value === null
        ? ''
        : `<circle cx="${x(i).toFixed(1)}" cy="${y(p.value).toFixed(1)}" r="3" fill="#2563eb"><title>${escapeHtml(`${p.label}: ${formatNumber(p.value)}`)}</title></circle>`,
    )
    .join('');
  const every = Math.max(1, Math.ceil(points.length / 6));
  const ticks = points
    .map((p, i) =>
      i % every === 0 || i === points.length - 1
        ? `<text x="${x(i).toFixed(1)}" y="${HEIGHT - PAD.bottom + 14}" font-size="9" text-anchor="middle" fill="#374151">${escapeHtml(p.label)}</text>`
        : '',
    )
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeHtml(options.title)}">` +
    `<text x="${PAD.left}" y="${HEIGHT - 6}" font-size="11" fill="#111827">${escapeHtml(options.title)}</text>` +
    `<line x1="${PAD.left}" y1="${PAD.top}" x2="${PAD.left}" y2="${PAD.top + plotH}" stroke="#6b7280"/>` +
    `<line x1="${PAD.left}" y1="${PAD.top + plotH}" x2="${WIDTH - PAD.right}" y2="${PAD.top + plotH}" stroke="#6b7280"/>` +
    `<text x="${PAD.left - 4}" y="${PAD.top + 8}" font-size="9" text-anchor="end" fill="#374151">${formatNumber(hi)}</text>` +
    `<text x="${PAD.left - 4}" y="${PAD.top + plotH}" font-size="9" text-anchor="end" fill="#374151">${formatNumber(lo)}</text>` +
    segments.map((d) => `<path d="${d}" fill="none" stroke="#2563eb" stroke-width="2"/>`).join('') +
    dots +
    ticks +
    '</svg>'
  );
}

/**
 * Equal-width bin edges over [min, max] with Sturges' bin count, exactly as NumPy
 * `np.histogram_bin_edges(a, bins='sturges')` builds them (width = ptp / (log2(size) + 1), ceil of the
 * range over the width, `linspace` edges with the last edge set to max; a zero range widens to ±0.5).
 * `size` is the number of values the range was taken over.
 */
export function histogramBinEdges(min: number, max: number, size: number): Float64Array {
  let first = min;
  let last = max;
  if (first === last) {
    first -= 0.5;
    last += 0.5;
  }
  const width = (max - min) / (Math.log2(size) + 1);
  const bins = width ? Math.ceil((last - first) / width) : 1;
  const edges = new Float64Array(bins + 1);
  const step = (last - first) / bins;
  for (let i = 0; i < bins; i++) edges[i] = i * step + first;
  edges[bins] = last;
  return edges;
}

/**
 * A bar chart of items per year, computed at build time as plain geometry so
 * the page draws it as inline SVG with no JavaScript.
 */

/** A count for one year. */
export interface YearCount {
  year: number;
  count: number;
}

/** One bar of the chart, in SVG user units. */
export interface Bar extends YearCount {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The chart's geometry: its viewBox size, its bars and the largest count (the scale). */
export interface YearChart {
  width: number;
  height: number;
  /** Height reserved under the bars for the year labels. */
  labelHeight: number;
  max: number;
  bars: Bar[];
}

/** Sizes of the chart, in SVG user units. */
export interface ChartSize {
  barWidth: number;
  gap: number;
  height: number;
  labelHeight: number;
}

const defaultSize: ChartSize = { barWidth: 36, gap: 12, height: 120, labelHeight: 20 };

/**
 * Lays out one bar per year from the first to the last year given, years
 * without items included (as zero-height bars) so the time axis has no holes.
 * Bars grow from the baseline; the tallest fills the plot; counts above zero
 * always show at least one unit so a single item is visible.
 */
export function toYearChart(counts: readonly YearCount[], size: ChartSize = defaultSize): YearChart {
  const byYear = new Map(counts.map((entry) => [entry.year, entry.count]));
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const first = years[0];
  const last = years.at(-1);
  const series: YearCount[] = [];
  if (first !== undefined && last !== undefined) {
    for (let year = first; year <= last; year += 1) series.push({ year, count: byYear.get(year) ?? 0 });
  }
  const max = Math.max(0, ...series.map((entry) => entry.count));
  const plot = size.height - size.labelHeight;
  const bars = series.map((entry, index) => {
    const height = max === 0 ? 0 : Math.max(entry.count > 0 ? 1 : 0, Math.round((entry.count / max) * (plot - 14)));
    return {
      ...entry,
      x: size.gap / 2 + index * (size.barWidth + size.gap),
      y: plot - height,
      width: size.barWidth,
      height,
    };
  });
  return {
    width: Math.max(1, series.length) * (size.barWidth + size.gap),
    height: size.height,
    labelHeight: size.labelHeight,
    max,
    bars,
  };
}

/**
 * Items per year as an inline SVG bar chart, drawn at build time (no script).
 * The numbers are also in the figure's text, for screen readers and print.
 */
import { toYearChart, type YearCount } from '../../src/site/chart.ts';

export function YearChart({ counts, label }: { counts: readonly YearCount[]; label: string }) {
  const chart = toYearChart(counts);
  if (chart.bars.length === 0) return null;
  const summary = chart.bars.map((bar) => `${bar.year} 年 ${bar.count} 条`).join('，');
  return (
    <figure class="year-chart">
      <svg
        viewBox={`0 0 ${chart.width} ${chart.height}`}
        width={chart.width}
        height={chart.height}
        role="img"
        aria-label={`${label}：${summary}`}
        xmlns="http://www.w3.org/2000/svg"
      >
        <line class="year-chart__axis" x1={0} x2={chart.width} y1={chart.height - chart.labelHeight} y2={chart.height - chart.labelHeight} />
        {chart.bars.map((bar) => (
          <g>
            <rect class="year-chart__bar" x={bar.x} y={bar.y} width={bar.width} height={bar.height} />
            <text class="year-chart__count" x={bar.x + bar.width / 2} y={bar.y - 3} text-anchor="middle">
              {bar.count}
            </text>
            <text class="year-chart__year" x={bar.x + bar.width / 2} y={chart.height - 5} text-anchor="middle">
              {bar.year}
            </text>
          </g>
        ))}
      </svg>
      <figcaption>{label}</figcaption>
    </figure>
  );
}

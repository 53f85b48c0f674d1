// An inline SVG line chart of one metric over the recorded runs, one line per suite, with the
// baseline value as a dashed line: no scripts, no external files, readable in any browser.
import type { HistoryEntry } from './history.ts';

export interface ChartOptions {
  metric: string;
  suites: readonly string[];
  /** Accepted value per suite, drawn dashed. */
  baseline?: Readonly<Record<string, number | undefined>>;
  width?: number;
  height?: number;
}

const COLOURS = ['#2563eb', '#16a34a', '#dc2626', '#9333ea', '#ea580c', '#0891b2'];

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderHistoryChart(history: readonly HistoryEntry[], { metric, suites, baseline = {}, width = 720, height = 240 }: ChartOptions): string {
  const left = 44;
  const right = 130;
  const top = 16;
  const bottom = 36;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const x = (index: number) => left + (history.length <= 1 ? plotWidth / 2 : (index / (history.length - 1)) * plotWidth);
  const y = (value: number) => top + (1 - Math.max(0, Math.min(1, value))) * plotHeight;
  const parts: string[] = [];
  for (const tick of [0, 0.25, 0.5, 0.75, 1]) {
    parts.push(`<line x1="${left}" x2="${left + plotWidth}" y1="${y(tick)}" y2="${y(tick)}" stroke="#e5e7eb"/>`);
    parts.push(`<text x="${left - 6}" y="${y(tick) + 4}" text-anchor="end" font-size="11" fill="#6b7280">${Math.round(tick * 100)}%</text>`);
  }
  suites.forEach((suite, index) => {
    const colour = COLOURS[index % COLOURS.length]!;
    const accepted = baseline[suite];
    if (accepted !== undefined) {
      parts.push(`<line x1="${left}" x2="${left + plotWidth}" y1="${y(accepted)}" y2="${y(accepted)}" stroke="${colour}" stroke-dasharray="4 4" stroke-opacity="0.6"/>`);
    }
    const points = history
      .map((entry, run) => ({ run, value: entry.metrics[suite]?.[metric] }))
      .filter((point): point is { run: number; value: number } => typeof point.value === 'number');
    if (points.length > 1) {
      parts.push(`<polyline fill="none" stroke="${colour}" stroke-width="2" points="${points.map((point) => `${x(point.run).toFixed(1)},${y(point.value).toFixed(1)}`).join(' ')}"/>`);
    }
    for (const point of points) {
      parts.push(`<circle cx="${x(point.run).toFixed(1)}" cy="${y(point.value).toFixed(1)}" r="3" fill="${colour}"><title>${escapeXml(`${suite} ${history[point.run]!.startedAt}: ${(point.value * 100).toFixed(1)}%`)}</title></circle>`);
    }
    parts.push(`<rect x="${left + plotWidth + 14}" y="${top + index * 18}" width="10" height="10" fill="${colour}"/>`);
    parts.push(`<text x="${left + plotWidth + 30}" y="${top + index * 18 + 9}" font-size="12" fill="#111827">${escapeXml(suite)}</text>`);
  });
  if (history.length > 0) {
    parts.push(`<text x="${left}" y="${height - 10}" font-size="11" fill="#6b7280">${escapeXml(history[0]!.startedAt.slice(0, 16).replace('T', ' '))}</text>`);
    parts.push(`<text x="${left + plotWidth}" y="${height - 10}" text-anchor="end" font-size="11" fill="#6b7280">${escapeXml(history[history.length - 1]!.startedAt.slice(0, 16).replace('T', ' '))}</text>`);
  }
  const label = `${metric} over the last ${history.length} run${history.length === 1 ? '' : 's'}`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(label)}">${parts.join('')}</svg>`;
}

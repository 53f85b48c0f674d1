// The forecast as a chart: one row per measure (conversions, revenue, cost, ROI) with its numbers
// written out and an inline SVG bar from p10 to p90 on the row's own scale, marked at p50.
import { formatNumber, t } from './i18n.js';

const SVG = 'http://www.w3.org/2000/svg';

export function svgElement(name, attributes = {}) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}

export function htmlElement(tag, className, text) {
  const element = document.createElement(tag);
  element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

export function describeRange(range, unit = '') {
  const digits = Math.abs(range.p50) < 10 ? 2 : 0;
  return `${formatNumber(range.p10, digits)}–${formatNumber(range.p90, digits)}${unit} (p50 ${formatNumber(range.p50, digits)})`;
}

/** The bar of one range, on a 0..100 wide scale stretched to the row's width; with `actual`, a mark where it fell. */
export function rangeBar(range, actual) {
  const hasActual = typeof actual === 'number' && Number.isFinite(actual);
  const low = Math.min(0, range.p10, hasActual ? actual : 0);
  const high = Math.max(range.p90, 0, hasActual ? actual : 0) * 1.05;
  const span = high - low || 1;
  const x = (value) => ((value - low) / span) * 100;
  const svg = svgElement('svg', { viewBox: '0 0 100 16', preserveAspectRatio: 'none', class: 'chart-bar', 'aria-hidden': 'true', focusable: 'false' });
  svg.append(svgElement('rect', { x: 0, y: 3, width: 100, height: 10, class: 'chart-track' }));
  const start = x(range.p10);
  svg.append(svgElement('rect', { x: start, y: 3, width: Math.max(0.8, x(range.p90) - start), height: 10, class: 'chart-range' }));
  if (low < 0) svg.append(svgElement('rect', { x: x(0) - 0.15, y: 0, width: 0.3, height: 16, class: 'chart-zero' }));
  svg.append(svgElement('rect', { x: Math.min(99.2, Math.max(0, x(range.p50) - 0.4)), y: 0, width: 0.8, height: 16, class: 'chart-median' }));
  if (hasActual) svg.append(svgElement('rect', { x: Math.min(98.8, Math.max(0, x(actual) - 0.6)), y: 0, width: 1.2, height: 16, class: 'chart-actual' }));
  return svg;
}

/** A <figure> showing the forecast's ranges; null when there is no forecast. */
export function forecastChart(forecast) {
  if (!forecast) return null;
  const words = t();
  const currency = forecast.currency ? ` ${forecast.currency}` : '';
  const rows = [
    { label: words.conversions, range: forecast.conversions, unit: '' },
    { label: words.revenue, range: forecast.revenue, unit: currency },
    { label: words.cost, range: forecast.cost, unit: currency },
    { label: words.roi, range: forecast.roi, unit: '' },
  ];
  const figure = htmlElement('figure', 'forecast-chart');
  for (const row of rows) {
    const line = htmlElement('div', 'chart-row');
    line.append(htmlElement('span', 'chart-label', row.label), htmlElement('span', 'chart-values', describeRange(row.range, row.unit)), rangeBar(row.range));
    figure.append(line);
  }
  figure.append(htmlElement('figcaption', 'muted small', words.forecastRange));
  return figure;
}

// The forecast's reasons as a chart: one row per driver (channel, objective, offer, past campaigns,
// audience, season) with a bar diverging from "no effect" — multipliers on the response rate on a
// log scale, the audience's buy-anyway rate in percentage points — and the reason written out;
// then the past campaigns the forecast leaned on, by name and outcome.
import { htmlElement, svgElement } from './forecast-chart.js';
import { formatNumber, t } from './i18n.js';

/** ×1.25 for multipliers, +3.1 pts for percentage points. */
export function describeEffect(driver) {
  // Round half up on the decimal value (1.265 → 1.27), as the driver's own label does.
  const rounded = Math.round(driver.effect * 100 + 1e-9) / 100;
  if (driver.unit === 'multiplier') return `×${formatNumber(rounded, 2)}`;
  return `${driver.effect >= 0 ? '+' : ''}${formatNumber(rounded, 2)} ${t().points}`;
}

/** Where a driver's bar ends, from -1 (full left) to 1 (full right), against the largest of its kind. */
function reach(driver, largest) {
  if (driver.unit === 'multiplier') return Math.log(Math.max(driver.effect, 1e-6)) / largest.multiplier;
  return driver.effect / largest.points;
}

function largestEffects(drivers) {
  const logs = drivers.filter((driver) => driver.unit === 'multiplier').map((driver) => Math.abs(Math.log(Math.max(driver.effect, 1e-6))));
  const points = drivers.filter((driver) => driver.unit === 'points').map((driver) => Math.abs(driver.effect));
  // Never stretch a small effect to the full width: the scale reaches at least ×2 and 5 points.
  return { multiplier: Math.max(Math.log(2), ...logs), points: Math.max(5, ...points) };
}

function driverBar(driver, largest) {
  const end = Math.max(-1, Math.min(1, reach(driver, largest)));
  const svg = svgElement('svg', { viewBox: '0 0 100 16', preserveAspectRatio: 'none', class: 'chart-bar driver-bar', 'aria-hidden': 'true', focusable: 'false' });
  svg.append(svgElement('rect', { x: 0, y: 3, width: 100, height: 10, class: 'chart-track' }));
  const width = Math.max(0.6, Math.abs(end) * 50);
  svg.append(svgElement('rect', { x: end < 0 ? 50 - width : 50, y: 3, width, height: 10, class: `driver-effect driver-${driver.direction}` }));
  svg.append(svgElement('rect', { x: 49.85, y: 0, width: 0.3, height: 16, class: 'chart-zero' }));
  return svg;
}

/** A <figure> of the drivers; null when the forecast has none (plans stored before drivers existed). */
export function driversChart(drivers) {
  if (!Array.isArray(drivers) || drivers.length === 0) return null;
  const words = t();
  const largest = largestEffects(drivers);
  const figure = htmlElement('figure', 'drivers-chart');
  for (const driver of drivers) {
    const row = htmlElement('div', 'chart-row driver');
    row.dataset.factor = driver.factor;
    row.dataset.direction = driver.direction;
    row.title = driver.label;
    row.append(
      htmlElement('span', 'chart-label', words.factor[driver.factor] ?? driver.factor),
      htmlElement('span', 'chart-values', describeEffect(driver)),
      driverBar(driver, largest),
      htmlElement('span', 'driver-reason muted small', driver.label),
    );
    figure.append(row);
  }
  figure.append(htmlElement('figcaption', 'muted small', words.driversCaption));
  return figure;
}

/** The past campaigns the forecast leaned on, each with its outcome; null when there were none. */
export function pastCampaignList(pastCampaigns) {
  if (!Array.isArray(pastCampaigns) || pastCampaigns.length === 0) return null;
  const words = t();
  const list = htmlElement('ul', 'past-campaigns');
  for (const campaign of pastCampaigns) {
    const item = htmlElement('li', 'past-campaign');
    item.dataset.campaignId = campaign.id;
    const facts = [];
    if (typeof campaign.sent === 'number' && typeof campaign.converted === 'number') facts.push(words.convertedOf(formatNumber(campaign.converted), formatNumber(campaign.sent)));
    facts.push(`${formatNumber(campaign.conversionRate * 100, 2)}%`);
    facts.push(typeof campaign.liftPoints === 'number' ? words.liftVsHoldout(`${campaign.liftPoints >= 0 ? '+' : ''}${formatNumber(campaign.liftPoints, 2)}`) : words.noHoldout);
    facts.push(`${words.similarity} ${formatNumber(campaign.similarity, 2)}`);
    if (typeof campaign.weight === 'number') facts.push(`${words.weight} ${formatNumber(campaign.weight, 2)}`);
    item.append(htmlElement('span', 'past-campaign-name', campaign.name), htmlElement('span', 'muted small', facts.join(' · ')));
    list.append(item);
  }
  return list;
}

// Prints a plan's forecast for people, in the goal's language: the p10 / p50 / p90 figures, the
// reasons (drivers with their effect, the past campaigns leaned on with their outcomes) and, once
// the campaign has finished, the forecast against what actually happened.
import type { FigureComparison, Forecast, ForecastDriver, PlanForecastVersusActual, Range } from '../../domain/plan.ts';
import type { Locale } from '../../domain/vocabulary.ts';

const LABELS = {
  en: {
    forecast: 'Forecast (p10 / p50 / p90)', conversions: 'Conversions', incremental: 'Incremental conversions', revenue: 'Revenue', cost: 'Cost', roi: 'ROI',
    reasons: 'Why', pastCampaigns: 'Past campaigns it leaned on',
    nobody: 'Nobody would receive a message (no customer in the segment, or none reachable), so there is nothing to forecast.',
    factor: { channel: 'Channel', objective: 'Objective', offer: 'Offer', evidence: 'Past campaigns', segment: 'Audience', season: 'Season' },
    outcomeOf: (campaign: { sent?: number; converted?: number; conversionRate: number; liftPoints?: number | null }, format: (value: number) => string) =>
      [
        campaign.sent !== undefined && campaign.converted !== undefined ? `${format(campaign.converted)} of ${format(campaign.sent)} converted` : null,
        `${(campaign.conversionRate * 100).toFixed(2)}%`,
        typeof campaign.liftPoints === 'number' ? `lift ${campaign.liftPoints >= 0 ? '+' : ''}${campaign.liftPoints.toFixed(2)} pts vs holdout` : 'no holdout',
      ].filter(Boolean).join(', '),
    similarity: 'similarity', weight: 'weight',
    versusActual: (ended: string) => `Forecast versus actual (80% range; campaign ended ${ended})`,
    outcome: (o: PlanForecastVersusActual['outcome'], format: (value: number) => string, currency: string) =>
      `Outcome: sent ${format(o.sent)}, delivered ${format(o.delivered)}, converted ${format(o.converted)}, revenue ${format(o.revenue)} ${currency}` +
      (o.holdoutSize > 0 ? `; holdout ${format(o.holdoutSize)} (${format(o.holdoutConverted)} converted)` : '; no holdout'),
    metric: { conversions: 'Conversions', conversionRate: 'Conversion rate', incrementalConversions: 'Incremental conversions', revenue: 'Revenue' },
    actual: 'actual', inside: 'inside the range', outside: 'OUTSIDE the range', unknownDate: 'on an unknown date',
  },
  zh: {
    forecast: '预测（p10 / p50 / p90）', conversions: '转化', incremental: '增量转化', revenue: '收入', cost: '成本', roi: 'ROI',
    reasons: '依据', pastCampaigns: '参考的历史活动',
    nobody: '没有人会收到消息（人群为空或无人可触达），因此无法预测。',
    factor: { channel: '渠道', objective: '目的', offer: '优惠', evidence: '历史活动', segment: '人群', season: '季节' },
    outcomeOf: (campaign: { sent?: number; converted?: number; conversionRate: number; liftPoints?: number | null }, format: (value: number) => string) =>
      [
        campaign.sent !== undefined && campaign.converted !== undefined ? `发送 ${format(campaign.sent)}，转化 ${format(campaign.converted)}` : null,
        `转化率 ${(campaign.conversionRate * 100).toFixed(2)}%`,
        typeof campaign.liftPoints === 'number' ? `相对对照组提升 ${campaign.liftPoints >= 0 ? '+' : ''}${campaign.liftPoints.toFixed(2)} 个百分点` : '无对照组',
      ].filter(Boolean).join('，'),
    similarity: '相似度', weight: '权重',
    versusActual: (ended: string) => `预测与实际（80% 区间；活动结束于 ${ended}）`,
    outcome: (o: PlanForecastVersusActual['outcome'], format: (value: number) => string, currency: string) =>
      `实际结果：发送 ${format(o.sent)}，送达 ${format(o.delivered)}，转化 ${format(o.converted)}，收入 ${format(o.revenue)} ${currency}` +
      (o.holdoutSize > 0 ? `；对照组 ${format(o.holdoutSize)}（转化 ${format(o.holdoutConverted)}）` : '；无对照组'),
    metric: { conversions: '转化', conversionRate: '转化率', incrementalConversions: '增量转化', revenue: '收入' },
    actual: '实际', inside: '在区间内', outside: '超出区间', unknownDate: '日期未知',
  },
} as const;

function formatNumber(value: number, locale: Locale, digits = 2): string {
  return value.toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: digits });
}

function formatRange(range: Range, locale: Locale): string {
  return [range.p10, range.p50, range.p90].map((value) => formatNumber(value, locale)).join(' / ');
}

/** ×1.25 for multipliers on the response rate, +2.1 pts for points on the conversion rate. */
export function formatDriverEffect(driver: ForecastDriver): string {
  // Round half up on the decimal value (1.265 → 1.27), as the driver's own label does.
  const rounded = (Math.round(driver.effect * 100 + 1e-9) / 100).toFixed(2);
  if (driver.unit === 'multiplier') return `×${rounded}`;
  return `${driver.effect >= 0 ? '+' : ''}${rounded} pts`;
}

function comparedValue(value: number, metric: FigureComparison['metric'], locale: Locale): string {
  if (metric === 'conversionRate') return `${(value * 100).toFixed(2)}%`;
  // Scaled counts keep a decimal when small, so 1.92 does not read as the 2 that fell outside it.
  return formatNumber(value, locale, metric === 'revenue' ? 2 : Math.abs(value) < 10 ? 1 : 0);
}

export function renderForecastLines(forecast: Forecast, locale: Locale): string[] {
  const t = LABELS[locale];
  const format = (value: number) => formatNumber(value, locale);
  // Zeros with no spread would look like a confident forecast; say why there is none instead.
  if (forecast.reach === 0) return [t.forecast, `  ${t.nobody}`];
  const lines = [
    t.forecast,
    `  ${t.conversions}: ${formatRange(forecast.conversions, locale)}`,
    `  ${t.incremental}: ${formatRange(forecast.incrementalConversions, locale)}`,
    `  ${t.revenue}: ${formatRange(forecast.revenue, locale)} ${forecast.currency}`,
    `  ${t.cost}: ${formatRange(forecast.cost, locale)} ${forecast.currency}`,
    `  ${t.roi}: ${formatRange(forecast.roi, locale)}`,
  ];
  if (forecast.drivers?.length) {
    lines.push(`  ${t.reasons}:`);
    const width = Math.max(...forecast.drivers.map((driver) => t.factor[driver.factor].length));
    for (const driver of forecast.drivers) lines.push(`    ${t.factor[driver.factor].padEnd(width)} ${formatDriverEffect(driver).padStart(10)}  ${driver.label}`);
  }
  if (forecast.pastCampaigns.length) {
    lines.push(`  ${t.pastCampaigns}:`);
    for (const campaign of forecast.pastCampaigns) {
      const weight = campaign.weight !== undefined ? `, ${t.weight} ${campaign.weight.toFixed(2)}` : '';
      lines.push(`    ${campaign.name}: ${t.outcomeOf(campaign, format)} (${t.similarity} ${campaign.similarity.toFixed(2)}${weight})`);
    }
  }
  return lines;
}

export function renderForecastVersusActualLines(result: PlanForecastVersusActual, currency: string, locale: Locale): string[] {
  const t = LABELS[locale];
  const format = (value: number) => formatNumber(value, locale);
  const lines = [t.versusActual(result.endedAt ? result.endedAt.slice(0, 10) : t.unknownDate), `  ${t.outcome(result.outcome, format, currency)}`];
  const heads = result.comparisons.map((comparison) => {
    const [p10, p50, p90] = [comparison.forecast.p10, comparison.forecast.p50, comparison.forecast.p90].map((value) => comparedValue(value, comparison.metric, locale));
    return `${comparison.inside80 ? '✓' : '✗'} ${t.metric[comparison.metric]}: ${p10} – ${p90} (p50 ${p50})`;
  });
  const width = Math.max(0, ...heads.map((head) => head.length));
  result.comparisons.forEach((comparison, index) => {
    const off = comparison.relativeError === null ? '' : `, p50 ${comparison.relativeError >= 0 ? '+' : ''}${(comparison.relativeError * 100).toFixed(0)}%`;
    lines.push(`  ${heads[index]!.padEnd(width)}  ${t.actual} ${comparedValue(comparison.actual, comparison.metric, locale)}: ${comparison.inside80 ? t.inside : t.outside}${off}`);
  });
  for (const note of result.notes) lines.push(`  ${note}`);
  return lines;
}

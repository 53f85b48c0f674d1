// The demo's campaign history: 160 finished campaigns over the two years before as-of, in Chinese
// and English, each with its brief, audience definition and an outcome drawn from the known
// response model. Deterministic in (seed, as-of), so memory can regenerate exactly what was stored.
import { effectiveDiscountPercent } from '../../domain/brief.ts';
import type { Brief, Objective } from '../../domain/brief.ts';
import type { SegmentDefinition } from '../../domain/segment.ts';
import type { Channel, Locale } from '../../domain/vocabulary.ts';
import { buildBrief, buildSegment } from './campaign-briefs.ts';
import { CROSS_SELL_PAIRS, FESTIVALS, OBJECTIVE_DESIGNS, PROMOTED_CATEGORIES, seasonName } from './campaign-designs.ts';
import type { Festival } from './campaign-designs.ts';
import { campaignName, campaignSummary } from './campaign-wording.ts';
import type { DemoCategory } from './catalogue.ts';
import { createRandom, pickWeighted } from './random.ts';
import type { Random } from './random.ts';
import { drawCampaignOutcome } from './response-model.ts';
import { DAY_MS } from './seasonality.ts';

export interface PastCampaignRecord {
  id: string;
  name: string;
  /** One sentence in the campaign's language: goal, audience, channel, offer. */
  summary: string;
  objective: Objective;
  channels: Channel[];
  discountPercent: number;
  audienceSize: number;
  sent: number;
  delivered: number;
  converted: number;
  revenue: number;
  holdoutSize: number;
  holdoutConverted: number;
  endedAt: Date;
  locale: 'en' | 'zh';
}

/** A record with what the `campaigns` row needs besides it. */
export interface PastCampaign {
  record: PastCampaignRecord;
  brief: Brief;
  segment: SegmentDefinition;
  createdAt: Date;
  approvedAt: Date;
  startsAt: Date;
}

export const DEFAULT_PAST_CAMPAIGN_COUNT = 160;
export const DEFAULT_SEED = 42;
/** Order value an amount-off offer is measured against to express it as a percentage. */
const REFERENCE_ORDER_VALUE = 300;
/** Average converting order in the demo store, CNY. */
const STORE_ORDER_VALUE = 400;
/** Campaigns end between this many days and 2 days before as-of. */
const HISTORY_DAYS = 700;
const ZH_CAMPAIGN_SHARE = 0.65;
const CAMPAIGN_STREAM = 101;

export interface PastCampaignOptions {
  /** Default 160. */
  count?: number;
  /** Default 42. */
  seed?: number;
  asOf: Date;
}

const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const dayStart = (ms: number): number => Math.floor(ms / DAY_MS) * DAY_MS;

/** A date of `festival` inside the history, or null when none falls there. */
function festivalDate(festival: Festival, asOfMs: number, random: Random): number | null {
  const year = new Date(asOfMs).getUTCFullYear();
  const dates: number[] = [];
  for (let y = year - 2; y <= year; y++) {
    const [month, day] = festival.dateIn(y);
    const ms = Date.UTC(y, month - 1, day);
    if (ms >= asOfMs - HISTORY_DAYS * DAY_MS && ms <= asOfMs - 5 * DAY_MS) dates.push(ms);
  }
  return dates.length > 0 ? random.pick(dates) : null;
}

function draftCampaign(index: number, seed: number, asOfMs: number): PastCampaign {
  const random = createRandom(seed, CAMPAIGN_STREAM, index);
  const locale: Locale = random.chance(ZH_CAMPAIGN_SHARE) ? 'zh' : 'en';
  const design = pickWeighted(random, OBJECTIVE_DESIGNS, (candidate) => candidate.weight);
  const objective = design.objective;
  const channels = [...random.pick(design.channels[locale])];
  const offer = random.pick(design.offers);
  let category: DemoCategory | null = null;
  let fromCategory: DemoCategory | null = null;
  if (objective === 'cross_sell') [fromCategory, category] = random.pick(CROSS_SELL_PAIRS);
  else if (random.chance(design.categoryChance)) category = random.pick(PROMOTED_CATEGORIES);

  const festival = random.chance(design.festivalChance) ? random.pick(FESTIVALS.filter((f) => f.locale === locale)) : null;
  const festivalMs = festival ? festivalDate(festival, asOfMs, random) : null;
  const duration = random.int(design.durationDays[0], design.durationDays[1]);
  const endDayMs =
    festivalMs !== null ? festivalMs + random.int(1, 3) * DAY_MS : dayStart(asOfMs) - random.int(2, HISTORY_DAYS) * DAY_MS;
  const startDayMs = endDayMs - duration * DAY_MS;
  const startsAt = new Date(startDayMs + 2 * 3_600_000);
  const endedAt = new Date(Math.min(endDayMs + 16 * 3_600_000, asOfMs - DAY_MS));
  const createdAt = new Date(startsAt.getTime() - random.int(1, 4) * DAY_MS - random.int(0, 8) * 3_600_000);
  const approvedAt = new Date(createdAt.getTime() + random.int(1, 20) * 3_600_000);
  const isFestival = festival !== null && festivalMs !== null;
  const occasion = isFestival ? festival.name[locale] : seasonName(startsAt, locale);

  const discountPercent = Math.round(effectiveDiscountPercent(offer, REFERENCE_ORDER_VALUE) * 10) / 10;
  let averageOrderValue = STORE_ORDER_VALUE * design.orderValueFactor * (1 - discountPercent / 100) * random.logNormal(0, 0.15);
  if (offer?.type === 'threshold') averageOrderValue = Math.max(averageOrderValue, offer.threshold * 1.15);
  const audienceSize = Math.round(random.logUniform(design.audience[0], design.audience[1]));
  const outcome = drawCampaignOutcome(
    { channels, objective, discountPercent, audienceSize, holdoutShare: random.int(5, 10) / 100, averageOrderValue },
    random,
  );

  const wording = { locale, objective, channels, offer, occasion, isFestival, category, fromCategory };
  const summary = campaignSummary(wording);
  const plan = {
    goal: summary,
    locale,
    objective,
    channels,
    offer,
    category,
    fromCategory,
    festival: isFestival ? occasion : null,
    startDate: isoDate(startDayMs),
    endDate: isoDate(endDayMs),
    targetsYoungWomen: objective === 'awareness' && (category === 'beauty' || category === 'fashion') && random.chance(0.5),
  };
  return {
    record: {
      id: '',
      name: campaignName(wording),
      summary,
      objective,
      channels,
      discountPercent,
      audienceSize,
      sent: outcome.sent,
      delivered: outcome.delivered,
      converted: outcome.converted,
      revenue: outcome.revenue,
      holdoutSize: outcome.holdoutSize,
      holdoutConverted: outcome.holdoutConverted,
      endedAt,
      locale,
    },
    brief: buildBrief(plan),
    segment: buildSegment(plan),
    createdAt,
    approvedAt,
    startsAt,
  };
}

/** The full past campaigns, oldest first, with ids `demo-campaign-001`... and names made unique. */
export function generatePastCampaignDetails({ count = DEFAULT_PAST_CAMPAIGN_COUNT, seed = DEFAULT_SEED, asOf }: PastCampaignOptions): PastCampaign[] {
  const asOfMs = asOf.getTime();
  const drafts = Array.from({ length: count }, (_, index) => ({ index, campaign: draftCampaign(index, seed, asOfMs) }));
  drafts.sort((a, b) => a.campaign.record.endedAt.getTime() - b.campaign.record.endedAt.getTime() || a.index - b.index);
  const seenNames = new Map<string, number>();
  const width = Math.max(3, String(count).length);
  return drafts.map(({ campaign }, position) => {
    const record = campaign.record;
    const times = (seenNames.get(record.name) ?? 0) + 1;
    seenNames.set(record.name, times);
    const name = times === 1 ? record.name : record.locale === 'zh' ? `${record.name}（第${times}波）` : `${record.name} (wave ${times})`;
    return { ...campaign, record: { ...record, id: `demo-campaign-${String(position + 1).padStart(width, '0')}`, name } };
  });
}

export function generatePastCampaigns(options: PastCampaignOptions): PastCampaignRecord[] {
  return generatePastCampaignDetails(options).map((campaign) => campaign.record);
}

/** The past campaigns `seedDemoData` wrote for this seed and as-of (as stored in the data_origin setting). */
export function pastCampaignsForSeed(options: { seed?: number; asOf: Date | string }): PastCampaignRecord[] {
  return generatePastCampaigns({ seed: options.seed ?? DEFAULT_SEED, asOf: new Date(options.asOf) });
}

// Past-campaign texts for the memory benchmark: names and summaries written by the demo seeder's
// own wording (src/data/seed/campaign-wording.ts) from its objectives, channels, offers, festivals,
// seasons and categories, varied with a city, an age band, a year and a wave, in the shape campaign
// memory stores ("name. goal. audience"). Deterministic for a seed; about two thirds Chinese, like the
// demo's past campaigns.
import { campaignName, campaignSummary, type CampaignWordingInput } from '../src/data/seed/campaign-wording.ts';
import { CROSS_SELL_PAIRS, FESTIVALS, OBJECTIVE_DESIGNS, PROMOTED_CATEGORIES } from '../src/data/seed/campaign-designs.ts';
import { PLACES } from '../src/data/seed/places.ts';
import { createRandom, pickWeighted } from '../src/data/seed/random.ts';
import type { Locale } from '../src/domain/vocabulary.ts';

const SEASONS: Readonly<Record<Locale, readonly string[]>> = { en: ['Winter', 'Spring', 'Summer', 'Autumn'], zh: ['冬季', '春季', '夏季', '秋季'] };
const AGE_BANDS: ReadonlyArray<readonly [number, number]> = [[18, 24], [25, 34], [35, 44], [45, 60], [20, 40]];

export interface CorpusCampaign {
  id: number;
  locale: Locale;
  text: string;
}

/** One varied past-campaign text. */
function campaignText(random: ReturnType<typeof createRandom>, id: number): CorpusCampaign {
  const locale: Locale = random.chance(0.65) ? 'zh' : 'en';
  const design = pickWeighted(random, OBJECTIVE_DESIGNS, (item) => item.weight);
  const festivals = FESTIVALS.filter((festival) => festival.locale === locale);
  const isFestival = random.chance(design.festivalChance);
  const pair = design.objective === 'cross_sell' ? random.pick(CROSS_SELL_PAIRS) : null;
  const input: CampaignWordingInput = {
    locale,
    objective: design.objective,
    channels: random.pick(design.channels[locale]),
    offer: random.pick(design.offers),
    occasion: isFestival ? random.pick(festivals).name[locale] : random.pick(SEASONS[locale]),
    isFestival,
    category: pair ? pair[1] : random.chance(design.categoryChance) ? random.pick(PROMOTED_CATEGORIES) : null,
    fromCategory: pair ? pair[0] : null,
  };
  const place = random.pick(PLACES.filter((candidate) => candidate.locale === locale));
  const [minAge, maxAge] = random.pick(AGE_BANDS);
  const year = random.int(2019, 2026);
  const wave = random.int(1, 6);
  const extras =
    locale === 'zh'
      ? [random.chance(0.5) ? `${place.cityZh}地区` : '', random.chance(0.4) ? `${minAge}-${maxAge}岁` : '', `${year}年`, wave > 1 ? `第${wave}波` : '']
      : [random.chance(0.5) ? `in ${place.city}` : '', random.chance(0.4) ? `aged ${minAge}-${maxAge}` : '', String(year), wave > 1 ? `wave ${wave}` : ''];
  const name = campaignName(input);
  const detail = extras.filter(Boolean).join(locale === 'zh' ? '，' : ', ');
  const text = `${name}${locale === 'zh' ? '。' : '. '}${campaignSummary(input)}${locale === 'zh' ? '' : ' '}${detail}${locale === 'zh' ? '。' : '.'}`;
  return { id, locale, text };
}

/** `count` campaign texts, ids 1..count. */
export function generateCampaignCorpus({ count, seed = 7 }: { count: number; seed?: number }): CorpusCampaign[] {
  const random = createRandom(seed, 9001);
  return Array.from({ length: count }, (_, index) => campaignText(random, index + 1));
}

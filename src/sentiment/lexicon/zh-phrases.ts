// Chinese customer-service phrases whose sentiment lies in the construction rather than in one word:
// waiting for hours, an order that still has not arrived, missing items, "never ordering again",
// "will order again". Matched on the message text before word segmentation. Patterns with valence 0
// only keep their words from being misread (好不好 is a question, 麻烦你 is "please", 快两个小时 "nearly").

export interface ZhPhrase {
  name: string;
  pattern: RegExp;
  valence: number;
}

/** A count of hours or similar: 两, 3, 十几 (not 半 alone: half an hour is an ordinary wait). */
const COUNT = '[一二两三四五六七八九十几\\d]+';
const HOURS = `${COUNT}(?:个半|个多|多个|个|多)?(?:小时|钟头)`;
/** 定 stands for 订 ("to order") so often in reviews (定餐, 不会再定了) that it is read as the same verb. */
const ORDER_VERB = '(?:点|来|买|订|定|吃|光顾|下单|购买|回购)';

/** Checked in order; a span one phrase matched is not matched again, so negated forms come first. */
export const ZH_PHRASES: readonly ZhPhrase[] = [
  /** A-not-A questions (好不好, 能不能) ask; their halves are not an assertion and its negation. */
  { name: 'A-not-A question', pattern: /(好|行|可|能|是|有|会|要|对)(?:不|没)\1/g, valence: 0 },
  /** 麻烦你/麻烦帮我 is "please", not "trouble": matched with no valence so 麻烦 is not read as a complaint. */
  { name: 'polite request', pattern: /麻烦(?:你|您|帮|给|请|问|查|看)/g, valence: 0 },
  {
    name: 'never again',
    pattern: new RegExp(`(?:再也不|再也没|不会再|不想再|不再|再不|以后不)(?:会|想|敢|要)?${ORDER_VERB}`, 'g'),
    valence: -3,
  },
  { name: 'do not order', pattern: new RegExp(`(?:千万别|千万不要|别|不要|不建议|劝大家别|大家别)${ORDER_VERB}`, 'g'), valence: -2.5 },
  {
    name: 'order again',
    pattern: new RegExp(`(?:还会|会再|还要|还想|会继续|下次还|下次再|一定会|还会再|继续|经常|天天|每次都)${ORDER_VERB}`, 'g'),
    valence: 2,
  },
  {
    name: 'arrived quickly',
    pattern: /(?:不到(?:半个?|[一二两三四五六七八九十几\d]+个?)(?:小时|分钟))|(?:分钟|小时)(?:就|便)(?:到|送到|送来|送达)/g,
    valence: 1.5,
  },
  {
    name: 'waited hours',
    pattern: new RegExp(`(?:等了?|送了?|用了|花了|超过|超了|晚了|迟了)(?:快|近|将近|足足|整整|差不多)?${HOURS}`, 'g'),
    valence: -2.5,
  },
  {
    name: 'hours late',
    pattern: new RegExp(`${COUNT}(?:个半|个多|多个|多)(?:小时|钟头)|${COUNT}个?(?:小时|钟头)(?:才|都|还|了才)`, 'g'),
    valence: -2,
  },
  /** 快 before a number or a change of state is "nearly" (快两个小时, 快凉了), not "fast". */
  { name: 'nearly', pattern: /(?<![很超挺好真蛮太较])快(?=[一二两三四五六七八九十几\d]|到|要|饿|凉|死|哭|疯|崩溃|睡着)/g, valence: 0 },
  {
    name: 'waited long minutes',
    pattern: /(?:等了?|送了?|用了|花了|超过|超了|晚了|迟了)(?:快|近|将近|足足|整整|差不多)?(?:[4-9]\d|\d{3,}|[四五六七八九]十)多?分钟/g,
    valence: -2,
  },
  { name: 'only then arrived', pattern: /(?<!刚)才(?:送到|到|送来|来|送达|收到|拿到|吃到|吃上)/g, valence: -1.5 },
  { name: 'no taste', pattern: /(?:一点)?(?:味道?|味儿)都没有?|没(?:有|什么|啥)味|淡而无味/g, valence: -2 },
  { name: 'long minutes', pattern: /(?:[4-9]\d|\d{3,}|[四五六七八九]十)多?分钟(?:才|都|还|了才)/g, valence: -1.8 },
  {
    name: 'still not arrived',
    pattern: /(?:还|都|仍|仍然|依然|到现在|至今)(?:没有?|未|不)(?:到|送到|收到|送来|来|送|送达|发货|处理|回复|解决)/g,
    valence: -2.5,
  },
  { name: 'missing utensils', pattern: /没有?(?:筷子|勺子|餐具|纸巾|吸管|发票|小票)/g, valence: -1.5 },
  { name: 'not received', pattern: /(?:没有?|未)(?:收到|送达|送到)/g, valence: -2 },
  { name: 'why again', pattern: /怎么(?:还|又)/g, valence: -1.5 },
  { name: 'missing item', pattern: /(?:没有?|未)(?:送|给|放|带|配)(?!到)/g, valence: -1.5 },
  { name: 'ignored', pattern: /(?:不|没有?|未|也不|都不)(?:回复|回消息|处理|理会|理睬|理我)/g, valence: -2 },
  { name: 'not solved', pattern: /(?:没有?|未|还没有?|并未)解决/g, valence: -2 },
  { name: 'solved', pattern: /(?:已经?|终于|问题)解决了?/g, valence: 1.5 },
  { name: 'found something in the food', pattern: /吃出(?:了|来)?/g, valence: -2.5 },
  {
    name: 'happens repeatedly',
    pattern: /(?:第[二三四五六七八九十\d]次|又一次|又是|每次都|总是|老是)(?:这样|如此|送错|漏|少|慢|晚|迟|凉|冷)/g,
    valence: -1.5,
  },
];

export interface ZhPhraseHit {
  name: string;
  valence: number;
  /** Where the phrase starts in the text, to keep hits in reading order. */
  index: number;
  length: number;
}

/** The phrases found in `text`, each span counted once, in reading order. */
export function findZhPhrases(text: string, phrases: readonly ZhPhrase[] = ZH_PHRASES): ZhPhraseHit[] {
  const hits: ZhPhraseHit[] = [];
  let remaining = text;
  for (const phrase of phrases) {
    const found = [...remaining.matchAll(phrase.pattern)];
    for (const match of found) {
      const index = match.index;
      const length = match[0].length;
      hits.push({ name: phrase.name, valence: phrase.valence, index, length });
      remaining = remaining.slice(0, index) + '\u0000'.repeat(length) + remaining.slice(index + length);
    }
  }
  return hits.sort((a, b) => a.index - b.index);
}

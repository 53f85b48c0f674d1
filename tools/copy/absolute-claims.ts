// Absolute and superlative wording the copy templates must never produce ("best", "guaranteed",
// 最, 第一, 顶级, 100%...). The policy guardrail rewrites such words in any copy; this stricter list
// keeps the offline templates clean and screens free-text inputs (audience hints, occasion labels,
// category names) before they are woven into copy.

/** English terms, matched as whole words, case-insensitively. */
export const ENGLISH_ABSOLUTE_CLAIMS: readonly string[] = [
  'best',
  'guarantee',
  'guarantees',
  'guaranteed',
  'risk-free',
  'cure',
  'cures',
  'miracle',
  'cheapest',
  'lowest',
  'number one',
  'no. 1',
  'no.1',
  '#1',
  'perfect',
  'ultimate',
  'unbeatable',
  'unmatched',
  'unrivalled',
  'unrivaled',
  'greatest',
  'finest',
  'world-class',
  'world class',
  'top-rated',
  'the only',
];

/** Chinese terms, matched anywhere (Chinese has no word boundaries). */
export const CHINESE_ABSOLUTE_CLAIMS: readonly string[] = [
  '最',
  '第一',
  '顶级',
  '顶尖',
  '唯一',
  '首个',
  '首选',
  '全网',
  '国家级',
  '世界级',
  '极致',
  '极品',
  '万能',
  '永久',
  '史上',
  '冠军',
  '王牌',
  '完美',
  '独一无二',
  '绝无仅有',
  '无敌',
  '绝对',
  '保证',
  '领先',
  '独家',
  '零风险',
  '百分百',
  '根治',
];

/** Locale-neutral terms, matched anywhere. */
const ANYWHERE_CLAIMS: readonly string[] = ['100%', '100％'];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const englishPattern = new RegExp(
  `(?<![\\p{L}\\p{Nd}])(?:${ENGLISH_ABSOLUTE_CLAIMS.map(escapeRegExp).join('|')})(?![\\p{L}\\p{Nd}])`,
  'iu',
);
const anywherePattern = new RegExp([...CHINESE_ABSOLUTE_CLAIMS, ...ANYWHERE_CLAIMS].map(escapeRegExp).join('|'), 'u');

/** The first absolute claim found in `text` (either language), or null when it is clean. */
export function findAbsoluteClaim(text: string): string | null {
  const normalized = text.normalize('NFKC').replace(/[\u2018\u2019]/g, "'");
  const english = englishPattern.exec(normalized);
  if (english) return english[0];
  const anywhere = anywherePattern.exec(normalized);
  return anywhere ? anywhere[0] : null;
}

/** True when `text` contains an absolute claim in either language. */
export function containsAbsoluteClaim(text: string): boolean {
  return findAbsoluteClaim(text) !== null;
}

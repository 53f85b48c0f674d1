// Chinese words that change the sentiment word next to them (negations, degree adverbs and
// complements) or the weight of what follows them (contrast, reservation and irrealis markers),
// with the scales the scorer applies.

/** Negations: flip the next sentiment word within a short window (不好吃, 没有问题, 并不满意). */
export const ZH_NEGATIONS: ReadonlySet<string> = new Set([
  '不', '没', '没有', '无', '未', '别', '不是', '并不', '并没有', '并非', '从不', '从未', '从没',
  '毫不', '毫无', '绝不', '决不', '不曾', '未曾', '没能', '不太', '不怎么', '不算', '不够', '算不上',
  '谈不上', '称不上', '一点也不', '一点都不', '根本不', '根本没', '根本没有', '不会', '不再', '不要',
]);

/** Negations that are a complaint by themselves when no sentiment word follows (分量不够). */
export const ZH_DANGLING_NEGATION_VALENCE: Readonly<Record<string, number>> = { 不够: -1.5 };

/** Negations that also say "not very" (不太好 = "not very good"): the flipped word is weakened. */
export const ZH_SOFT_NEGATIONS: ReadonlySet<string> = new Set(['不太', '不怎么', '不算', '不够', '算不上', '谈不上', '称不上']);

/** Degree adverbs and their multipliers: above 1 intensify (非常好), below 1 soften (有点慢). */
export const ZH_DEGREE_WORDS: Readonly<Record<string, number>> = {
  极其: 2, 极度: 2, 极: 1.8, 最: 1.8, 超级: 1.8, 巨: 1.7, 贼: 1.6, 超: 1.6, 太: 1.6, 非常: 1.6, 特别: 1.6,
  十分: 1.6, 相当: 1.5, 格外: 1.5, 异常: 1.5, 无比: 1.8, 实在: 1.4, 真: 1.3, 真的: 1.3, 真是: 1.3,
  好: 1.4, 很: 1.3, 挺: 1.2, 蛮: 1.2, 够: 1.2, 更: 1.3, 更加: 1.4, 越来越: 1.3, 过于: 1.5, 太过: 1.6,
  偏: 1.1, 死: 1.6, 比较: 1, 较: 0.9, 还: 0.9, 还算: 0.9, 有点: 0.7, 有点儿: 0.7, 有些: 0.7, 有一点: 0.6,
  稍: 0.6, 稍微: 0.6, 稍稍: 0.6, 略: 0.6, 略微: 0.6, 些许: 0.6,
  // neutral adverbs jieba fuses with the word after them (也好, 都快): factor 1 lets them be split off
  也: 1, 都: 1,
};

/**
 * Degree complements after the word they strengthen (好吃极了, 难吃死了, 慢得要命). 死 is also a
 * degree adverb in front (死贵); after a sentiment word it is read as a complement.
 */
export const ZH_POST_DEGREE_WORDS: Readonly<Record<string, number>> = {
  极了: 1.6, 死了: 1.6, 死: 1.5, 要命: 1.6, 得要命: 1.6, 要死: 1.6, 透了: 1.4, 爆了: 1.6, 到爆: 1.6, 炸了: 1.5,
  得很: 1.3, 得不行: 1.6,
};

/**
 * Degree words that mean "too ..." rather than "very ...": they turn a neutral taste or amount word
 * into a complaint (太辣, 有点咸, 偏甜), where 很辣 or 超辣 may be just what the customer wanted.
 */
export const ZH_EXCESS_DEGREE_WORDS: ReadonlySet<string> = new Set([
  '太', '过于', '太过', '偏', '越来越', '有点', '有点儿', '有些', '有一点', '稍', '稍微', '略', '略微',
]);

/** Contrast connectives: what follows them counts more than what came before (不错，但是太慢了). */
export const ZH_CONTRAST_WORDS: ReadonlySet<string> = new Set(['但是', '但', '可是', '不过', '然而', '却']);

/**
 * Reservation markers ("it's just that", "the only flaw"): they add a minor complaint without
 * reversing the judgement before them (挺好吃的，就是有点贵), so what follows them counts less.
 */
export const ZH_RESERVATION_WORDS: ReadonlySet<string> = new Set(['就是', '只是', '唯一', '美中不足']);
export const RESERVATION_WEIGHT_AFTER = 0.7;

/**
 * Irrealis markers: praise after them in the same clause is supposed, hoped for or hypothetical
 * (本以为很好吃, 希望下次好吃点, 建议多放点肉, 如果能快点就好了), so it does not count; complaints still do
 * (要是再这样就投诉). After SO-CAL's irrealis blocking (Taboada et al. 2011).
 */
export const ZH_IRREALIS_MARKERS: ReadonlySet<string> = new Set([
  '以为', '本以为', '原以为', '还以为', '本来', '原本', '如果', '要是', '假如', '若', '希望', '但愿', '期望',
  '建议', '应该',
]);

/** Weight of everything before a contrast connective, and of everything after it. */
export const CONTRAST_WEIGHT_BEFORE = 0.5;
export const CONTRAST_WEIGHT_AFTER = 1.5;

/** Negated positive words turn negative at this share (不好吃); negated negatives turn only mildly positive (不贵, 没问题). */
export const NEGATED_POSITIVE_SCALE = -0.9;
export const NEGATED_NEGATIVE_SCALE = -0.5;
/** A soft negation (不太好吃) keeps this share of the flipped value. */
export const SOFT_NEGATION_SCALE = 0.6;
/** Number of tokens after a negation or degree word within which it still applies. */
export const MODIFIER_WINDOW = 3;

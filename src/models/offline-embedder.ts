// The built-in deterministic embedder, used when no embedding endpoint is configured.
// Text becomes a 384-dimensional unit vector by feature hashing: English words and word pairs,
// Chinese characters and character pairs, and shared concept tokens so that "win back" and "召回"
// land near each other. Similar campaign descriptions get similar vectors; no network, no weights.
import { Embeddings } from '@langchain/core/embeddings';

export const EMBEDDING_DIMENSIONS = 384;

/** Words in either language that name the same marketing concept. */
const CONCEPTS: Record<string, readonly string[]> = {
  winback: ['win back', 'winback', 're-engage', 'reactivate', 'lapsed', 'haven\'t bought', '召回', '唤醒', '回流', '沉睡'],
  churn: ['churn', 'at risk', 'at-risk', '流失'],
  aov: ['average order value', 'aov', 'basket', '客单价'],
  cart: ['cart', 'abandon', '购物车', '加购'],
  cross_sell: ['cross-sell', 'cross sell', 'recommend', '交叉', '推荐'],
  high_value: ['high-value', 'high value', 'vip', 'top spenders', '高价值', '高净值'],
  women: ['women', 'female', '女性', '女生', '宝妈'],
  men: ['men', 'male', '男性'],
  sms: ['sms', 'text message', '短信'],
  email: ['email', 'e-mail', '邮件', '邮箱'],
  push: ['push', 'notification', '推送', '通知'],
  wecom: ['wecom', 'wechat work', '企业微信', '企微'],
  discount: ['% off', 'discount', 'coupon', '折', '满减', '优惠', '减'],
  singles_day: ['singles\' day', 'double 11', '11.11', '双11', '双十一'],
  mid_year: ['618', 'mid-year'],
  baby: ['baby', 'diaper', '母婴', '婴儿', '奶粉'],
  education: ['education', 'learning', '教育', '早教'],
  beauty: ['beauty', 'skincare', 'cosmetic', '美妆', '护肤'],
  fashion: ['fashion', 'apparel', 'clothing', '服装', '服饰', '女装'],
  electronics: ['electronics', 'gadget', '数码', '电子'],
  new_users: ['new user', 'first purchase', 'sign-up', '新用户', '首单'],
};

function fnv1a(text: string, seed = 0x811c9dc5): number {
  let hash = seed;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function features(text: string): string[] {
  const normal = text.normalize('NFKC').toLowerCase();
  const found: string[] = [];
  const words = normal.match(/[a-z0-9%]+/g) ?? [];
  words.forEach((word, i) => {
    found.push(`w:${word}`);
    if (i > 0) found.push(`b:${words[i - 1]} ${word}`);
  });
  const han = normal.match(/\p{Script=Han}+/gu) ?? [];
  for (const run of han) {
    for (let i = 0; i < run.length; i++) {
      found.push(`c:${run[i]}`);
      if (i > 0) found.push(`p:${run[i - 1]}${run[i]}`);
    }
  }
  for (const [concept, cues] of Object.entries(CONCEPTS)) {
    if (cues.some((cue) => normal.includes(cue))) {
      // Concepts weigh more than single tokens: they carry meaning across languages.
      for (let k = 0; k < 4; k++) found.push(`k:${concept}`);
    }
  }
  return found;
}

export function embedOffline(text: string): number[] {
  const vector = new Array<number>(EMBEDDING_DIMENSIONS).fill(0);
  for (const feature of features(text)) {
    const hash = fnv1a(feature);
    const index = hash % EMBEDDING_DIMENSIONS;
    vector[index]! += (hash & 0x80000000) === 0 ? 1 : -1;
  }
  const norm = Math.hypot(...vector);
  return norm === 0 ? vector : vector.map((value) => value / norm);
}

export class OfflineEmbeddings extends Embeddings {
  readonly id = 'offline-hash-v1';

  constructor() {
    super({});
  }

  async embedDocuments(documents: string[]): Promise<number[][]> {
    return documents.map(embedOffline);
  }

  async embedQuery(document: string): Promise<number[]> {
    return embedOffline(document);
  }
}

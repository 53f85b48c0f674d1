// Chinese templates for the relationship objectives: winning lapsed customers back, keeping those
// at risk, welcoming new sign-ups to a first order and announcing something new.
import { FIRST_NAME } from '../placeholders.ts';
import type { PartialVoiceBook } from './voice.ts';

export const CHINESE_KEEP_VOICES: PartialVoiceBook<'winback' | 'retention' | 'activation' | 'awareness'> = {
  winback: {
    A: {
      headline: (c) => `${c.category ? c.category.name : c.brand}上新了，快来看看`,
      subject: (c) => (c.offer ? `欢迎回来，${c.offer.short}回归礼已备好` : `好久不见，${c.brand}有不少新变化`),
      hook: (c) => `您上次来过之后，我们上新了不少${c.category ? c.category.items : '好物'}。`,
      story: () => '新品、新灵感，还有您熟悉的经典款，都在等您回来逛逛。',
      cta: () => '去看看',
    },
    B: {
      headline: () => `${FIRST_NAME}，好久不见`,
      subject: (c) => (c.offer ? `${FIRST_NAME}，为您留了一份回归礼` : `${FIRST_NAME}，我们想您了`),
      hook: (c) => (c.offer ? '好久不见，我们特意为您留了一份回归礼。' : '好久不见，我们很想念您。'),
      story: () => '距离您上次下单已经有一段时间了，欢迎随时回来看看。',
      cta: () => '回来逛逛',
    },
  },
  retention: {
    A: {
      headline: () => '感谢一路有您',
      subject: (c) => (c.offer ? `感谢有您，送上${c.offer.short}专属优惠` : `感谢您一直选择${c.brand}`),
      hook: (c) => `感谢您一直以来对${c.brand}的支持。`,
      story: (c) => `我们为您挑选了一些${c.category ? c.category.items : '新品'}，都是和您喜好相近的顾客常买的。`,
      cta: () => '查看专属推荐',
    },
    B: {
      headline: () => `${FIRST_NAME}，为您精选了几样好物`,
      subject: (c) => (c.offer ? `${FIRST_NAME}，您的${c.offer.short}专属优惠已到账` : `${FIRST_NAME}，您的专属推荐已更新`),
      hook: () => '为您留了几样好物，喜欢的话别错过。',
      story: () => '您已经陪伴我们一段时间了，我们希望您的每一次购物都值得。',
      cta: () => '查看推荐',
    },
  },
  activation: {
    A: {
      headline: (c) => `欢迎加入${c.brand}`,
      subject: (c) => (c.offer ? `欢迎加入${c.brand}，首单${c.offer.headline}` : `欢迎加入${c.brand}，一起发现心仪好物`),
      hook: (c) => `感谢您加入${c.brand}！首单只差几步。`,
      story: (c) =>
        c.category
          ? `可以从${c.category.items}开始逛起，也可以随便看看，下单只需一分钟。`
          : '新品、热门好物都在这里，下单只需一分钟。',
      cta: () => '开始选购',
    },
    B: {
      headline: () => `${FIRST_NAME}，您的首单在等您`,
      subject: (c) => {
        if (!c.offer) return `${FIRST_NAME}，准备好下首单了吗？`;
        return c.deadline ? `${FIRST_NAME}，新人礼${c.deadline}截止` : `${FIRST_NAME}，新人礼别错过`;
      },
      hook: (c) => (c.offer ? '您的新人礼已到账，首单就能用。' : '一切就绪，首单只差几步。'),
      story: () => '注册好了，接下来就是开心购物时间！挑一件喜欢的，剩下的交给我们。',
      cta: () => '完成首单',
    },
  },
  awareness: {
    A: {
      headline: (c) => (c.category ? `${c.category.name}新品上线` : `${c.brand}有新鲜事`),
      subject: (c) => {
        const news = c.category ? `${c.category.name}新品上线` : `${c.brand}上新了`;
        return c.offer ? `${news}，${c.offer.headline}` : `${news}，抢先看`;
      },
      hook: (c) => `新一批${c.category ? c.category.items : '好物'}上线了，快来抢先看看。`,
      story: () => '我们准备了一些新东西，想让您先睹为快，来看看有哪些变化吧。',
      cta: () => '抢先看看',
    },
    B: {
      headline: () => `${FIRST_NAME}，这个您看过吗？`,
      subject: (c) => (c.offer ? `${FIRST_NAME}，新品${c.offer.headline}` : `${FIRST_NAME}，${c.brand}上新了`),
      hook: (c) => `${c.category ? c.category.name : c.brand}上新了，抢先一步看看吧。`,
      story: () => '新品一到我们就想到了您，趁大家还没发现，先来看看。',
      cta: () => '看看新品',
    },
  },
};

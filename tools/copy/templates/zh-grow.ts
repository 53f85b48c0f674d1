// Chinese templates for the sales objectives: bigger baskets, turning browsers into buyers,
// recovering abandoned carts and selling another category to existing customers.
import { FIRST_NAME, LAST_VIEWED_PRODUCT } from '../placeholders.ts';
import type { CopyContext } from '../copy-context.ts';
import type { PartialVoiceBook } from './voice.ts';

const basketCta = (c: CopyContext): string => (c.offer?.short.startsWith('满') ? '去凑单' : '挑选好物');

export const CHINESE_GROW_VOICES: PartialVoiceBook<'aov' | 'conversion' | 'cart_recovery' | 'cross_sell'> = {
  aov: {
    A: {
      headline: (c) => (c.category ? `${c.category.items}囤货正当时` : '常用好物，一次备齐'),
      subject: (c) => (c.offer ? `常用好物一次备齐，${c.offer.headline}` : '常用好物，一次备齐更省心'),
      hook: () => '把常用的好物一次加进购物车，省得反复下单。',
      story: (c) =>
        c.category ? `${c.category.items}适合提前备好，一次下单，用起来更安心。` : '日用好物和新品一起下单，一次备齐更方便。',
      cta: basketCta,
    },
    B: {
      headline: () => `${FIRST_NAME}，再加一件？`,
      subject: (c) => (c.offer ? `${FIRST_NAME}，${c.offer.headline}，别错过` : `${FIRST_NAME}，这些好物可以一起带走`),
      hook: () => '趁有货，把心仪好物一起带回家。',
      story: () => '多加一件补充装、备用款或新品，下次就不用再跑一趟。',
      cta: basketCta,
    },
  },
  conversion: {
    A: {
      headline: (c) => {
        if (c.productFocus) return '还在考虑吗？';
        return c.category ? `挑选您喜欢的${c.category.items}` : '发现您会喜欢的好物';
      },
      subject: (c) => {
        if (c.offer) return `${c.offer.headline}，心仪好物等您带走`;
        return c.productFocus ? `${LAST_VIEWED_PRODUCT}还在等您` : '心仪好物，随时等您下单';
      },
      hook: (c) => {
        if (c.productFocus) return `您看过的${LAST_VIEWED_PRODUCT}还在，随时可以下单。`;
        return `精选${c.category ? c.category.items : '新品'}已备好，挑一件适合您的吧。`;
      },
      story: (c) =>
        c.productFocus
          ? `您之前浏览过${LAST_VIEWED_PRODUCT}，想好了随时回来，几步就能完成下单。`
          : '慢慢挑、仔细比，准备好了随时下单。',
      cta: (c) => (c.productFocus ? '再看一眼' : '开始选购'),
    },
    B: {
      headline: (c) => (c.productFocus ? `${FIRST_NAME}，还感兴趣吗？` : `${FIRST_NAME}，准备下单了吗？`),
      subject: (c) => {
        if (c.offer) return `${FIRST_NAME}，${c.offer.short}优惠不等人`;
        return c.productFocus ? `${FIRST_NAME}，${LAST_VIEWED_PRODUCT}在等您` : `${FIRST_NAME}，心仪好物在等您`;
      },
      hook: (c) => (c.productFocus ? `${LAST_VIEWED_PRODUCT}库存有限，喜欢就别犹豫。` : '喜欢的好物别错过，趁有货赶紧下单。'),
      story: (c) => `看到您这几天在逛${c.category ? `我们的${c.category.items}` : c.brand}，如果有看中的，现在下单正合适。`,
      cta: () => '立即下单',
    },
  },
  cart_recovery: {
    A: {
      headline: () => '购物车已为您保存',
      subject: (c) => (c.offer ? `购物车已保存，${c.offer.headline}` : `您的${LAST_VIEWED_PRODUCT}还在购物车里`),
      hook: () => `${LAST_VIEWED_PRODUCT}还在您的购物车里。`,
      story: () => `我们为您保留了购物车里的商品，包括${LAST_VIEWED_PRODUCT}，几步就能完成下单。`,
      cta: () => '完成结算',
    },
    B: {
      headline: () => `${FIRST_NAME}，购物车别忘了`,
      subject: (c) => (c.offer ? `${FIRST_NAME}，${c.offer.headline}，购物车等您结算` : `${FIRST_NAME}，您的购物车在等您`),
      hook: () => `${LAST_VIEWED_PRODUCT}还在购物车里，库存有限哦。`,
      story: () => `就差一步啦！现在完成下单，别让${LAST_VIEWED_PRODUCT}溜走。`,
      cta: () => '立即结算',
    },
  },
  cross_sell: {
    A: {
      headline: (c) => (c.category ? `试试我们的${c.category.items}` : '为您的上一单搭配好物'),
      subject: (c) => {
        if (c.offer) return `${c.category ? `${c.category.name}新体验` : '搭配好物'}，${c.offer.headline}`;
        return c.category ? `您试过${c.brand}的${c.category.items}吗？` : '和您上一单很搭的好物';
      },
      hook: (c) => `喜欢上次的购物吗？${c.category ? `我们的${c.category.items}` : '这些好物'}和它很搭。`,
      story: (c) =>
        c.category
          ? `根据您的购物记录，我们觉得您会喜欢我们的${c.category.items}，来挑挑看吧。`
          : '根据您的购物记录，我们挑了几样和它搭配的好物。',
      cta: () => '看看推荐',
    },
    B: {
      headline: () => `${FIRST_NAME}，来点新鲜的？`,
      subject: (c) => (c.offer ? `${FIRST_NAME}，尝鲜${c.offer.headline}` : `${FIRST_NAME}，为您挑了点新鲜的`),
      hook: (c) => `您的下一件心头好，也许就在${c.category ? `${c.category.name}专区` : '还没试过的新品里'}。`,
      story: (c) => `您已经很了解${c.brand}了，这次想给您看看不一样的，都是按您的喜好挑的。`,
      cta: () => '去尝鲜',
    },
  },
};

// English templates for the sales objectives: bigger baskets, turning browsers into buyers,
// recovering abandoned carts and selling another category to existing customers.
import { FIRST_NAME, LAST_VIEWED_PRODUCT } from '../placeholders.ts';
import type { PartialVoiceBook } from './voice.ts';

export const ENGLISH_GROW_VOICES: PartialVoiceBook<'aov' | 'conversion' | 'cart_recovery' | 'cross_sell'> = {
  aov: {
    A: {
      headline: (c) => (c.category ? `Stock up on ${c.category.items}` : 'Stock up on your favourites'),
      subject: (c) => (c.offer ? `Stock up and get ${c.offer.noun}` : 'Stock up on the things you use every day'),
      hook: () => 'Fill your basket with the things you reach for most.',
      story: (c) =>
        c.category
          ? `Our ${c.category.items} are easy to stock up on, so you can plan ahead and reorder less often.`
          : 'Pick up the everyday essentials and a few new finds in one order, and reorder less often.',
      cta: () => 'Build your basket',
    },
    B: {
      headline: () => `${FIRST_NAME}, add one more?`,
      subject: (c) => (c.offer ? `${FIRST_NAME}, ${c.offer.short} - don't miss it` : `${FIRST_NAME}, complete the set`),
      hook: () => 'Bundle your favourites into one order while they are in stock.',
      story: () => 'A few extras go a long way: add a refill, a spare or something new to your next order.',
      cta: () => 'Add to your order',
    },
  },
  conversion: {
    A: {
      headline: (c) => {
        if (c.productFocus) return 'Still thinking it over?';
        return c.category ? `Explore ${c.category.items} at ${c.brand}` : "Find something you'll love";
      },
      subject: (c) => {
        if (c.offer) return `Ready when you are: ${c.offer.short}`;
        return c.productFocus ? `Still thinking about ${LAST_VIEWED_PRODUCT}?` : `Something you'll love is waiting at ${c.brand}`;
      },
      hook: (c) => {
        if (c.productFocus) return `${LAST_VIEWED_PRODUCT} is still here whenever you're ready.`;
        return `Browse our ${c.category ? c.category.items : 'new arrivals'} and find the one that fits.`;
      },
      story: (c) =>
        c.productFocus
          ? `You took a look at ${LAST_VIEWED_PRODUCT}, and it's one tap away whenever you want to make it yours.`
          : 'Take your time and compare. Everything is one tap away when you are ready to order.',
      cta: (c) => (c.productFocus ? 'Take another look' : 'Start browsing'),
    },
    B: {
      headline: () => `${FIRST_NAME}, ready to order?`,
      subject: (c) => {
        if (c.offer) return `${FIRST_NAME}, ${c.offer.short} won't last`;
        return c.productFocus ? `${FIRST_NAME}, ${LAST_VIEWED_PRODUCT} is waiting` : `${FIRST_NAME}, your next favourite is waiting`;
      },
      hook: (c) =>
        c.productFocus
          ? `${LAST_VIEWED_PRODUCT} may not stay in stock for long.`
          : "Don't let your favourites slip away - order while they're in stock.",
      story: (c) =>
        `We noticed you've been browsing${c.category ? ` our ${c.category.items}` : ''}. If something caught your eye, now is a good time to make it yours.`,
      cta: () => 'Order now',
    },
  },
  cart_recovery: {
    A: {
      headline: () => 'We kept your cart for you',
      subject: (c) => (c.offer ? `We kept your cart, plus ${c.offer.noun}` : `You left ${LAST_VIEWED_PRODUCT} in your cart`),
      hook: () => `${LAST_VIEWED_PRODUCT} is still in your cart.`,
      story: () =>
        `We've kept the items you left in your cart, including ${LAST_VIEWED_PRODUCT}, so you can finish your order in a few taps.`,
      cta: () => 'Finish checkout',
    },
    B: {
      headline: () => `${FIRST_NAME}, don't forget your cart`,
      subject: (c) => (c.offer ? `${FIRST_NAME}, finish your order with ${c.offer.noun}` : `${FIRST_NAME}, your cart is waiting`),
      hook: () => `${LAST_VIEWED_PRODUCT} is waiting in your cart, but stock can run low.`,
      story: () => `You were so close! Complete your order now so ${LAST_VIEWED_PRODUCT} doesn't slip away.`,
      cta: () => 'Complete your order',
    },
  },
  cross_sell: {
    A: {
      headline: (c) => (c.category ? `Discover our ${c.category.items}` : 'Picked to go with your last order'),
      subject: (c) => {
        if (c.offer) return c.category ? `Try our ${c.category.items}: ${c.offer.short}` : `Something new for you: ${c.offer.short}`;
        return c.category ? `Have you tried our ${c.category.items}?` : 'Picked to go with your last order';
      },
      hook: (c) => `Loved your last order? ${c.category ? `Our ${c.category.items}` : 'These picks'} go nicely with it.`,
      story: (c) =>
        c.category
          ? `Based on what you've bought before, we think you'll enjoy our ${c.category.items}. See what fits your style.`
          : "Based on what you've bought before, we've put together a few picks that go well with it.",
      cta: () => 'See the picks',
    },
    B: {
      headline: () => `${FIRST_NAME}, try something new`,
      subject: (c) => {
        const what = c.category ? `our ${c.category.items}` : 'something new';
        return c.offer ? `${FIRST_NAME}, try ${what} with ${c.offer.noun}` : `${FIRST_NAME}, try ${what}`;
      },
      hook: (c) =>
        c.category
          ? `Your next favourite could be in ${c.category.name}.`
          : "Your next favourite could be something you haven't tried yet.",
      story: (c) =>
        `You already know what you like at ${c.brand}. This time we'd love to show you something different, chosen to match your taste.`,
      cta: () => 'Take a look',
    },
  },
};

// English templates for the relationship objectives: winning lapsed customers back, keeping those
// at risk, welcoming new sign-ups to a first order and announcing something new.
import { FIRST_NAME } from '../placeholders.ts';
import type { PartialVoiceBook } from './voice.ts';

const newThings = (items: string | undefined): string => (items ? `new ${items}` : 'new arrivals');

export const ENGLISH_KEEP_VOICES: PartialVoiceBook<'winback' | 'retention' | 'activation' | 'awareness'> = {
  winback: {
    A: {
      headline: (c) => (c.category ? `See what's new in ${c.category.name}` : `See what's new at ${c.brand}`),
      subject: (c) =>
        c.offer ? `${c.offer.headline} to welcome you back` : `A lot is new at ${c.brand} since your last visit`,
      hook: (c) => `We've added ${newThings(c.category?.items)} since you last stopped by.`,
      story: () => `Take a look around: fresh ideas, new favourites and the classics you already know.`,
      cta: () => 'Take a look',
    },
    B: {
      headline: () => `${FIRST_NAME}, it's been a while`,
      subject: (c) => (c.offer ? `${FIRST_NAME}, we set something aside for you` : `${FIRST_NAME}, we've missed you`),
      hook: (c) =>
        c.offer ? `We've missed you, so we set something aside for your return.` : `We've missed you - come back and see what's new.`,
      story: () => `It's been a while since your last order, and we'd love to see you again.`,
      cta: () => 'Come back and shop',
    },
  },
  retention: {
    A: {
      headline: (c) => `A thank-you from ${c.brand}`,
      subject: (c) => (c.offer ? `A thank-you from ${c.brand}: ${c.offer.short}` : `Thank you for shopping with ${c.brand}`),
      hook: (c) => `Thank you for shopping with ${c.brand}.`,
      story: (c) =>
        `We've lined up ${c.category ? `fresh ${c.category.items}` : 'new arrivals'} we think you'll like, based on what customers like you enjoy.`,
      cta: () => 'See your picks',
    },
    B: {
      headline: () => `${FIRST_NAME}, we picked these for you`,
      subject: (c) => (c.offer ? `${FIRST_NAME}, this is for you: ${c.offer.short}` : `${FIRST_NAME}, your picks are ready`),
      hook: () => `We've set aside a few picks for you - have a look before they're gone.`,
      story: () => `You've been with us for a while, and we want every order to feel worth it.`,
      cta: () => 'Have a look',
    },
  },
  activation: {
    A: {
      headline: (c) => `Welcome to ${c.brand}`,
      subject: (c) =>
        c.offer ? `Welcome to ${c.brand}: ${c.offer.short} on your first order` : `Welcome to ${c.brand} - let's find your first favourite`,
      hook: (c) => `Thanks for joining ${c.brand}! Your first order is just a few taps away.`,
      story: (c) =>
        c.category
          ? `Start with our ${c.category.items}, or browse everything we carry. Placing your first order takes a minute.`
          : `Browse new arrivals and customer favourites - placing your first order takes a minute.`,
      cta: () => 'Start shopping',
    },
    B: {
      headline: () => `${FIRST_NAME}, your first order awaits`,
      subject: (c) => {
        if (!c.offer) return `${FIRST_NAME}, ready for your first order?`;
        return c.deadline ? `${FIRST_NAME}, your welcome offer ends ${c.deadline}` : `${FIRST_NAME}, don't miss your welcome offer`;
      },
      hook: (c) =>
        c.offer ? `Your welcome offer is ready - use it on your first order.` : `You're all set - let's find something you'll love.`,
      story: () => `You've signed up, now for the fun part. Pick something you'll love and we'll take care of the rest.`,
      cta: () => 'Place your first order',
    },
  },
  awareness: {
    A: {
      headline: (c) => (c.category ? `Just arrived: ${c.category.items}` : `Something new at ${c.brand}`),
      subject: (c) => {
        const base = c.category ? `Just arrived at ${c.brand}: ${c.category.items}` : `Something new is here at ${c.brand}`;
        return c.offer ? `${base}, plus ${c.offer.noun}` : base;
      },
      hook: (c) => `Fresh ${c.category ? c.category.items : 'arrivals'} just landed at ${c.brand}.`,
      story: () => `We've been working on something new and wanted you to hear about it early. Come see what's changed.`,
      cta: () => 'Take a first look',
    },
    B: {
      headline: () => `${FIRST_NAME}, have you seen this?`,
      subject: (c) => (c.offer ? `${FIRST_NAME}, see what's new with ${c.offer.noun}` : `${FIRST_NAME}, see what's new at ${c.brand}`),
      hook: (c) => `Be among the first to see what's new${c.category ? ` in ${c.category.name}` : ''}.`,
      story: () => `We thought of you as soon as these arrived. Have a look before everyone else does.`,
      cta: () => "See what's new",
    },
  },
};

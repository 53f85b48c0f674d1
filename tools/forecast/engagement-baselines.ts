// Engagement baselines: how often a delivered message is opened or its link clicked, per channel.
// Past outcomes record conversions, not opens or clicks, so these stay priors: wide Beta beliefs
// the funnel draws from, stated in the forecast's assumptions.
import type { Channel } from '../../src/domain/vocabulary.ts';
import { betaFromMean, type BetaBelief } from './beta-evidence.ts';

export interface EngagementRates {
  /** Share of delivered messages opened; null where the channel reports no opens. */
  opened: number | null;
  /** Share of delivered messages whose link is clicked; null where the channel reports no clicks. */
  clicked: number | null;
}

/** E-mail reports opens and clicks, push reports opens, SMS and WeCom report link clicks. */
export const ENGAGEMENT_BASELINES: Readonly<Record<Channel, EngagementRates>> = {
  email: { opened: 0.2, clicked: 0.025 },
  push: { opened: 0.05, clicked: null },
  sms: { opened: null, clicked: 0.04 },
  wecom: { opened: null, clicked: 0.08 },
};

/** Pseudo-messages behind each engagement prior: weak, because audiences and creatives differ a lot. */
export const ENGAGEMENT_PRIOR_STRENGTH = 30;

export interface EngagementBeliefs {
  opened: BetaBelief | null;
  clicked: BetaBelief | null;
}

export function engagementBeliefs(channel: Channel): EngagementBeliefs {
  const rates = ENGAGEMENT_BASELINES[channel];
  return {
    opened: rates.opened === null ? null : betaFromMean(rates.opened, ENGAGEMENT_PRIOR_STRENGTH),
    clicked: rates.clicked === null ? null : betaFromMean(rates.clicked, ENGAGEMENT_PRIOR_STRENGTH),
  };
}

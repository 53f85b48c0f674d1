// Rule `consent.channel`: messages go only to customers who consented to the channel. A planned
// channel nobody in the segment consented to is dropped with its messages; a plan left with no
// channel is blocked. Customers without consent are always left out of the send.
import type { Channel } from '../../domain/vocabulary.ts';
import type { GuardrailInput, GuardrailRule, RuleOutcome } from '../guardrail-input.ts';
import { formatCount, joinWords, plural } from '../plain-text.ts';

export const CONSENT_CHANNEL = 'consent.channel';

/** The brief's channels and any channel a message uses, in first-mentioned order. */
function plannedChannels(input: GuardrailInput): Channel[] {
  const { brief, messages } = input.draft;
  return [...new Set<Channel>([...brief.channels, ...messages.map((message) => message.channel)])];
}

function reachDetail(input: GuardrailInput, channels: readonly Channel[]): string {
  const { count, reachable } = input.audience;
  const total = formatCount(count);
  if (channels.length === 1) {
    const channel = channels[0]!;
    const reached = reachable[channel] ?? 0;
    return `sends only to the ${formatCount(reached)} of ${total} ${plural(count, 'customer')} who consented to ${channel}`;
  }
  const perChannel = channels.map((channel) => `${channel} ${formatCount(reachable[channel] ?? 0)}`);
  return `sends only to the customers who consented to each channel, of ${total}: ${perChannel.join(', ')}`;
}

function check(input: GuardrailInput): RuleOutcome {
  const { draft, audience } = input;
  const channels = plannedChannels(input);
  const unreachable = channels.filter((channel) => (audience.reachable[channel] ?? 0) <= 0);
  const kept = channels.filter((channel) => !unreachable.includes(channel));
  const exclusions: RuleOutcome['exclusions'] = ['no_consent'];

  if (kept.length === 0) {
    return {
      verdict: { rule: CONSENT_CHANNEL, status: 'blocked', detail: `nobody in the segment has consented to ${joinWords(channels)}` },
      draft,
      exclusions,
    };
  }
  if (unreachable.length === 0) {
    return { verdict: { rule: CONSENT_CHANNEL, status: 'pass', detail: reachDetail(input, kept) }, draft, exclusions };
  }
  const messages = draft.messages.filter((message) => kept.includes(message.channel));
  const removed = draft.messages.length - messages.length;
  const dropped = `nobody in the segment has consented to ${joinWords(unreachable)}, so ${joinWords(unreachable, 'and')} ${
    unreachable.length === 1 ? 'is' : 'are'
  } dropped (${removed} ${plural(removed, 'message')} removed)`;
  return {
    verdict: { rule: CONSENT_CHANNEL, status: 'fixed', detail: `${dropped}; ${reachDetail(input, kept)}` },
    draft: {
      ...draft,
      brief: { ...draft.brief, channels: draft.brief.channels.filter((channel) => kept.includes(channel)) },
      messages,
    },
    exclusions,
  };
}

export const consentChannel: GuardrailRule = { id: CONSENT_CHANNEL, check };

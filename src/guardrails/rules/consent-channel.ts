// Rule `consent.channel`: messages go only to customers who consented to the channel and are not on
// a suppression list for it. A planned channel nobody in the segment can be reached on is dropped
// with its messages; a plan left with no channel is blocked. Customers without consent, and
// suppressed ones, are always left out of the send.
import type { Channel, Locale } from '../../domain/vocabulary.ts';
import type { GuardrailInput, GuardrailRule, RuleOutcome } from '../guardrail-input.ts';
import { formatCount, plural } from '../plain-text.ts';
import { channelName, itemSeparator, joinIn, say } from '../verdict-text.ts';

export const CONSENT_CHANNEL = 'consent.channel';

/** The brief's channels and any channel a message uses, in first-mentioned order. */
function plannedChannels(input: GuardrailInput): Channel[] {
  const { brief, messages } = input.draft;
  return [...new Set<Channel>([...brief.channels, ...messages.map((message) => message.channel)])];
}

function channelList(channels: readonly Channel[], locale: Locale, conjunction: 'or' | 'and' = 'or'): string {
  return joinIn(
    locale,
    channels.map((channel) => channelName(channel, locale)),
    conjunction,
  );
}

function reachDetail(input: GuardrailInput, channels: readonly Channel[], locale: Locale): string {
  const { count, reachable } = input.audience;
  const total = formatCount(count);
  if (channels.length === 1) {
    const channel = channels[0]!;
    const reached = formatCount(reachable[channel] ?? 0);
    return say(
      locale,
      `sends only to the ${reached} of ${total} ${plural(count, 'customer')} who consented to ${channel}`,
      `仅发送给 ${total} 位客户中同意接收${channelName(channel, 'zh')}的 ${reached} 位`,
    );
  }
  const perChannel = channels.map((channel) => `${channelName(channel, locale)} ${formatCount(reachable[channel] ?? 0)}`).join(itemSeparator(locale));
  return say(
    locale,
    `sends only to the customers who consented to each channel, of ${total}: ${perChannel}`,
    `在 ${total} 位客户中，每个渠道仅发送给同意接收的客户：${perChannel}`,
  );
}

/** `; 12 customers on a suppression list for sms are left out`, or nothing when the counts are not known. */
function suppressionDetail(input: GuardrailInput, channels: readonly Channel[], locale: Locale): string {
  const suppressed = input.audience.suppressed;
  if (!suppressed) return '';
  const counts = channels.map((channel) => ({ channel, count: suppressed[channel] ?? 0 }));
  if (counts.every((entry) => entry.count === 0)) {
    return say(locale, '; nobody in the segment is on a suppression list', '；人群中没有人在屏蔽名单上');
  }
  if (counts.length === 1) {
    const { channel, count } = counts[0]!;
    return say(
      locale,
      `; ${formatCount(count)} ${plural(count, 'customer')} on a suppression list for ${channel} ${count === 1 ? 'is' : 'are'} left out`,
      `；已排除${channelName(channel, 'zh')}屏蔽名单上的 ${formatCount(count)} 位客户`,
    );
  }
  const perChannel = counts.map((entry) => `${channelName(entry.channel, locale)} ${formatCount(entry.count)}`).join(itemSeparator(locale));
  return say(locale, `; customers on a suppression list are left out: ${perChannel}`, `；已排除屏蔽名单上的客户：${perChannel}`);
}

function check(input: GuardrailInput): RuleOutcome {
  const { draft, audience } = input;
  const locale = draft.brief.locale;
  const channels = plannedChannels(input);
  const unreachable = channels.filter((channel) => (audience.reachable[channel] ?? 0) <= 0);
  const kept = channels.filter((channel) => !unreachable.includes(channel));
  const exclusions: RuleOutcome['exclusions'] = ['no_consent'];

  if (kept.length === 0) {
    return {
      verdict: {
        rule: CONSENT_CHANNEL,
        status: 'blocked',
        detail: say(
          locale,
          `nobody in the segment has consented to ${channelList(channels, locale)}`,
          `人群中没有人同意接收${channelList(channels, locale)}`,
        ),
      },
      draft,
      exclusions,
    };
  }
  const reach = `${reachDetail(input, kept, locale)}${suppressionDetail(input, kept, locale)}`;
  if (unreachable.length === 0) {
    return { verdict: { rule: CONSENT_CHANNEL, status: 'pass', detail: reach }, draft, exclusions };
  }
  const messages = draft.messages.filter((message) => kept.includes(message.channel));
  const removed = draft.messages.length - messages.length;
  const dropped = say(
    locale,
    `nobody in the segment has consented to ${channelList(unreachable, locale)}, so ${channelList(unreachable, locale, 'and')} ${
      unreachable.length === 1 ? 'is' : 'are'
    } dropped (${removed} ${plural(removed, 'message')} removed)`,
    `人群中没有人同意接收${channelList(unreachable, locale)}，因此去掉${channelList(unreachable, locale, 'and')}（删除 ${removed} 条文案）`,
  );
  return {
    verdict: { rule: CONSENT_CHANNEL, status: 'fixed', detail: `${dropped}${say(locale, '; ', '；')}${reach}` },
    draft: {
      ...draft,
      brief: { ...draft.brief, channels: draft.brief.channels.filter((channel) => kept.includes(channel)) },
      messages,
    },
    exclusions,
  };
}

export const consentChannel: GuardrailRule = { id: CONSENT_CHANNEL, check };

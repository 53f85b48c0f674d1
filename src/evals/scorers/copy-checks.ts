// Deterministic checks of a plan's copy: the goal's language, every planned channel covered, channel
// length limits, opt-out wording where the law asks for it, no banned claims, the offer's figure
// stated correctly (and no deeper or invented discount), plus the case's own must/must-not strings.
import type { Offer } from '../../domain/brief.ts';
import type { PlannedMessage } from '../../domain/plan.ts';
import type { Policy } from '../../domain/policy.ts';
import type { Locale } from '../../domain/vocabulary.ts';
import { checkChannelLimits } from '../../../tools/copy/channel-limits.ts';
import { cjkShare, containsHan } from '../../../tools/copy/text-script.ts';
import type { CaseOutput } from '../case-output.ts';
import type { EvalCase } from '../suite-schema.ts';
import { findClaims } from './claim-terms.ts';
import { failed, fraction, passed, type Score } from './score.ts';

const label = (message: PlannedMessage) => `${message.channel}/${message.variant}`;
const fullText = (message: PlannedMessage) => `${message.title ?? ''}\n${message.text}`;
const trimmed = (value: number) => String(Math.round(value * 100) / 100);

/** Ways the copy may state the offer; each message must contain one. */
export function offerFigures(offer: Offer, locale: Locale): string[] {
  switch (offer.type) {
    case 'percent_off': {
      const zhe = (100 - offer.percent) / 10;
      if (offer.percent >= 100) return ['free', '免单'];
      const percent = `${trimmed(offer.percent)}%`;
      return locale === 'zh' ? [`${trimmed(zhe)}折`, ...(Number.isInteger(zhe) ? [] : [`${Math.round(zhe * 10)}折`]), percent] : [percent];
    }
    case 'amount_off':
      return [trimmed(offer.amount)];
    case 'threshold':
      return locale === 'zh' ? [`满${trimmed(offer.threshold)}减${trimmed(offer.amount)}`] : [trimmed(offer.threshold)];
    case 'free_shipping':
      return locale === 'zh' ? ['包邮'] : ['free shipping'];
  }
}

interface StatedDiscount {
  text: string;
  percentOff: number;
}

/** Percentage discounts the text states: "30% off", "save 30%", "7折", "满300减90" (as 30%). */
export function statedDiscounts(text: string): StatedDiscount[] {
  const found: StatedDiscount[] = [];
  const plain = text.normalize('NFKC').replace(/(\d),(\d{3})/g, '$1$2');
  for (const match of plain.matchAll(/(\d+(?:\.\d+)?)\s?%\s?off|save\s(\d+(?:\.\d+)?)\s?%|(?:立减|减)(\d+(?:\.\d+)?)\s?%/gi)) {
    found.push({ text: match[0], percentOff: Number(match[1] ?? match[2] ?? match[3]) });
  }
  for (const match of plain.matchAll(/(?<![\d.])(\d{1,2}(?:\.\d)?)\s?折/g)) {
    const figure = Number(match[1]);
    const zhe = figure >= 10 ? figure / 10 : figure; // 85折 is 8.5折
    if (zhe > 0 && zhe < 10) found.push({ text: match[0], percentOff: Math.round((100 - zhe * 10) * 100) / 100 });
  }
  for (const match of plain.matchAll(/满(\d+(?:\.\d+)?)(?:元)?减(\d+(?:\.\d+)?)/g)) {
    found.push({ text: match[0], percentOff: Math.round((Number(match[2]) / Number(match[1])) * 10_000) / 100 });
  }
  return found;
}

function offerScore(messages: readonly PlannedMessage[], offer: Offer | null, locale: Locale): Score {
  const problems: string[] = [];
  for (const message of messages) {
    const text = fullText(message);
    const stated = statedDiscounts(text);
    if (offer === null) {
      if (stated.length) problems.push(`${label(message)} states a discount (${stated.map((s) => s.text).join(', ')}) the brief does not offer`);
      continue;
    }
    const figures = offerFigures(offer, locale);
    const plain = text.normalize('NFKC').replace(/(\d),(\d{3})/g, '$1$2').toLowerCase();
    if (!figures.some((figure) => plain.includes(figure.toLowerCase()))) problems.push(`${label(message)} does not state the offer (${figures.join(' or ')})`);
    const ceiling = offer.type === 'percent_off' ? offer.percent : offer.type === 'threshold' ? (offer.amount / offer.threshold) * 100 : null;
    const deeper = ceiling === null ? stated : stated.filter((s) => s.percentOff > ceiling + 0.01);
    if (deeper.length) problems.push(`${label(message)} states ${deeper.map((s) => s.text).join(', ')}, deeper than the offer`);
  }
  return fraction('copy.offer_figure', messages.length - problems.length, messages.length, problems, offer ? `every message states ${offerFigures(offer, locale)[0]}` : 'no discount stated, none offered');
}

function languageScore(messages: readonly PlannedMessage[], locale: Locale): Score {
  const wrong = messages.filter((message) => (locale === 'zh' ? cjkShare(fullText(message)) < 0.5 : containsHan(fullText(message))));
  return fraction('copy.language', messages.length - wrong.length, messages.length, wrong.map((message) => `${label(message)} is not in ${locale === 'zh' ? 'Chinese' : 'English'}`), `all in ${locale === 'zh' ? 'Chinese' : 'English'}`);
}

function channelCoverageScore(messages: readonly PlannedMessage[], channels: readonly string[]): Score {
  const problems = [
    ...channels.filter((channel) => !messages.some((message) => message.channel === channel)).map((channel) => `no copy for ${channel}`),
    ...[...new Set(messages.map((message) => message.channel))].filter((channel) => !channels.includes(channel)).map((channel) => `copy for unplanned channel ${channel}`),
  ];
  return problems.length ? failed('copy.channels', problems.join('; ')) : passed('copy.channels', `copy for ${channels.join(', ')}`);
}

function limitsScore(messages: readonly PlannedMessage[], locale: Locale): Score {
  const problems = messages.map((message) => checkChannelLimits(message, { locale })).filter((check) => !check.ok).map((check) => check.detail);
  return fraction('copy.channel_limits', messages.length - problems.length, messages.length, problems, 'within channel limits');
}

const OPT_OUT: Partial<Record<PlannedMessage['channel'], RegExp>> = {
  sms: /reply stop|退订/i,
  email: /\{\{unsubscribe_url\}\}|unsubscribe|退订/i,
};

function optOutScore(messages: readonly PlannedMessage[]): Score | null {
  const governed = messages.filter((message) => OPT_OUT[message.channel]);
  if (governed.length === 0) return null;
  const missing = governed.filter((message) => !OPT_OUT[message.channel]!.test(message.text));
  return fraction('copy.opt_out', governed.length - missing.length, governed.length, missing.map((message) => `${label(message)} has no opt-out`), 'SMS and e-mail carry an opt-out');
}

function claimsScore(messages: readonly PlannedMessage[], policy: Policy): Score {
  const problems = messages.flatMap((message) => findClaims(fullText(message), policy).map((term) => `${label(message)} says "${term}"`));
  return problems.length ? failed('copy.banned_claims', problems.join('; ')) : passed('copy.banned_claims', 'no banned claims');
}

function expectedStringsScore(messages: readonly PlannedMessage[], expected: NonNullable<EvalCase['expect']['copy']>): Score | null {
  const groups = expected.mentions ?? [];
  const forbidden = expected.forbidden ?? [];
  if (groups.length + forbidden.length === 0) return null;
  const problems: string[] = [];
  for (const message of messages) {
    const text = fullText(message);
    for (const group of groups) if (!group.some((needle) => text.includes(needle))) problems.push(`${label(message)} lacks ${group.join(' / ')}`);
    for (const needle of forbidden) if (text.includes(needle)) problems.push(`${label(message)} contains "${needle}"`);
  }
  const total = messages.length * (groups.length + forbidden.length);
  return fraction('copy.expected_text', total - problems.length, total, problems, 'expected wording present, forbidden wording absent');
}

export function copyScores(evalCase: EvalCase, output: CaseOutput, policy: Policy): Score[] {
  const { plan } = output;
  const messages = plan.messages;
  const expected = evalCase.expect.copy;
  if (messages.length === 0) {
    return expected && (expected.mentions || expected.forbidden) ? [failed('copy.expected_text', `no copy (status ${plan.status})`)] : [];
  }
  const locale = plan.brief?.locale ?? evalCase.locale;
  const scores = [
    languageScore(messages, evalCase.locale),
    limitsScore(messages, locale),
    claimsScore(messages, policy),
    offerScore(messages, plan.brief?.offer ?? null, locale),
  ];
  if (plan.brief) scores.push(channelCoverageScore(messages, plan.brief.channels));
  const optOut = optOutScore(messages);
  if (optOut) scores.push(optOut);
  const strings = expected ? expectedStringsScore(messages, expected) : null;
  if (strings) scores.push(strings);
  return scores;
}

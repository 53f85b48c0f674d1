// Rule `frequency.cap`: customers who already have the policy's maximum number of messages (sent
// or queued) in the rolling window are left out; a segment made only of such customers is blocked.
import type { GuardrailInput, GuardrailRule, RuleOutcome } from '../guardrail-input.ts';
import { formatCount, plural } from '../plain-text.ts';
import { say } from '../verdict-text.ts';

export const FREQUENCY_CAP = 'frequency.cap';

function check(input: GuardrailInput): RuleOutcome {
  const { draft, audience, policy } = input;
  const locale = draft.brief.locale;
  const { maxMessages, windowDays } = policy.frequencyCap;
  const cap = say(
    locale,
    `${maxMessages} ${plural(maxMessages, 'message')} in the last ${windowDays === 1 ? 'day' : `${windowDays} days`}`,
    `最近 ${windowDays} 天内已有 ${maxMessages} 条消息`,
  );
  const over = audience.overFrequencyCap;
  if (over <= 0) {
    return {
      verdict: {
        rule: FREQUENCY_CAP,
        status: 'pass',
        detail: say(locale, `no customer in the segment already has ${cap}`, `人群中没有客户${cap}`),
      },
      draft,
      exclusions: [],
    };
  }
  if (over >= audience.count) {
    const everyone = say(
      locale,
      audience.count === 1 ? 'the only customer in the segment already has' : `all ${formatCount(audience.count)} customers in the segment already have`,
      audience.count === 1 ? '人群中唯一的客户' : `人群中全部 ${formatCount(audience.count)} 位客户都`,
    );
    return {
      verdict: { rule: FREQUENCY_CAP, status: 'blocked', detail: say(locale, `${everyone} ${cap}`, `${everyone}${cap}`) },
      draft,
      exclusions: ['over_frequency_cap'],
    };
  }
  const detail = say(
    locale,
    `${formatCount(over)} ${plural(over, 'customer')} already ${over === 1 ? 'has' : 'have'} ${cap}; they are left out`,
    `${formatCount(over)} 位客户${cap}，已排除`,
  );
  return {
    verdict: { rule: FREQUENCY_CAP, status: 'fixed', detail },
    draft,
    exclusions: ['over_frequency_cap'],
  };
}

export const frequencyCap: GuardrailRule = { id: FREQUENCY_CAP, check };

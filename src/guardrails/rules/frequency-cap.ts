// Rule `frequency.cap`: customers who already have the policy's maximum number of messages (sent
// or queued) in the rolling window are left out; a segment made only of such customers is blocked.
import type { GuardrailInput, GuardrailRule, RuleOutcome } from '../guardrail-input.ts';
import { formatCount, plural } from '../plain-text.ts';

export const FREQUENCY_CAP = 'frequency.cap';

function check(input: GuardrailInput): RuleOutcome {
  const { draft, audience, policy } = input;
  const { maxMessages, windowDays } = policy.frequencyCap;
  const cap = `${maxMessages} ${plural(maxMessages, 'message')} in the last ${windowDays === 1 ? 'day' : `${windowDays} days`}`;
  const over = audience.overFrequencyCap;
  if (over <= 0) {
    return {
      verdict: { rule: FREQUENCY_CAP, status: 'pass', detail: `no customer in the segment already has ${cap}` },
      draft,
      exclusions: [],
    };
  }
  if (over >= audience.count) {
    const everyone = audience.count === 1 ? 'the only customer in the segment already has' : `all ${formatCount(audience.count)} customers in the segment already have`;
    return {
      verdict: { rule: FREQUENCY_CAP, status: 'blocked', detail: `${everyone} ${cap}` },
      draft,
      exclusions: ['over_frequency_cap'],
    };
  }
  const who = `${formatCount(over)} ${plural(over, 'customer')} already ${over === 1 ? 'has' : 'have'}`;
  return {
    verdict: { rule: FREQUENCY_CAP, status: 'fixed', detail: `${who} ${cap}; they are left out` },
    draft,
    exclusions: ['over_frequency_cap'],
  };
}

export const frequencyCap: GuardrailRule = { id: FREQUENCY_CAP, check };

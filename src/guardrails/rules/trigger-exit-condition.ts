// Rule `trigger.exit_condition`: a trigger campaign names the event that cancels a pending send (a
// purchase cancels a cart reminder). A trigger without one gets the policy's exit event for its
// trigger event, in the brief, the schedule and the schedule summary; with none in the policy the
// plan is blocked.
import type { EventType, Locale } from '../../domain/vocabulary.ts';
import type { GuardrailInput, GuardrailRule, RuleOutcome } from '../guardrail-input.ts';
import { say } from '../verdict-text.ts';

export const TRIGGER_EXIT_CONDITION = 'trigger.exit_condition';

const EVENT_NAMES: Record<Locale, Record<EventType, string>> = {
  en: {
    view: 'a product view',
    add_to_cart: 'adding to cart',
    purchase: 'a purchase',
    login: 'a login',
    open: 'an open',
    click: 'a click',
    unsubscribe: 'an unsubscribe',
  },
  zh: { view: '浏览商品', add_to_cart: '加购', purchase: '购买', login: '登录', open: '打开消息', click: '点击', unsubscribe: '退订' },
};

function check(input: GuardrailInput): RuleOutcome {
  const { draft, policy } = input;
  const locale = draft.brief.locale;
  const names = EVENT_NAMES[locale];
  const timing = draft.brief.timing;
  const verdict = (status: 'pass' | 'fixed' | 'blocked', detail: string) => ({ rule: TRIGGER_EXIT_CONDITION, status, detail });
  if (timing.kind !== 'trigger') {
    return { verdict: verdict('pass', say(locale, 'not a trigger campaign; no exit condition needed', '非触发式活动，无需退出条件')), draft, exclusions: [] };
  }
  const trigger = names[timing.event];
  if (timing.unlessEvent !== null) {
    const exit = names[timing.unlessEvent];
    const detail = say(locale, `a pending send after ${trigger} is cancelled by ${exit}`, `${trigger}后待发送的消息会在${exit}时取消`);
    return { verdict: verdict('pass', detail), draft, exclusions: [] };
  }
  const exitEvent = policy.triggers.exitEvents[timing.event];
  if (exitEvent === undefined) {
    const detail = say(
      locale,
      `the trigger on ${trigger} has no exit condition, and the policy names none for it (triggers.exitEvents.${timing.event})`,
      `${trigger}触发的活动没有退出条件，政策也未为其指定（triggers.exitEvents.${timing.event}）`,
    );
    return { verdict: verdict('blocked', detail), draft, exclusions: [] };
  }
  const exit = names[exitEvent];
  const schedule = draft.schedule;
  const note = say(locale, ` (cancelled if ${exit} happens first)`, `（若期间已${exit}则取消）`);
  const detail = say(
    locale,
    `the trigger on ${trigger} had no exit condition; ${exit} now cancels a pending send`,
    `${trigger}触发的活动没有退出条件；已设为${exit}后取消待发送的消息`,
  );
  return {
    verdict: verdict('fixed', detail),
    draft: {
      ...draft,
      brief: { ...draft.brief, timing: { ...timing, unlessEvent: exitEvent } },
      schedule: {
        ...schedule,
        trigger: schedule.trigger ? { ...schedule.trigger, unlessEvent: exitEvent } : schedule.trigger,
        summary: `${schedule.summary.trimEnd()}${note}`,
      },
    },
    exclusions: [],
  };
}

export const triggerExitCondition: GuardrailRule = { id: TRIGGER_EXIT_CONDITION, check };

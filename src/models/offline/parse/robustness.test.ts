// Property tests: on arbitrary text both parsers return schema-valid results and never throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Brief } from '../../../domain/brief.ts';
import { SegmentDefinition } from '../../../domain/segment.ts';
import { parseGoal } from './parse-goal.ts';
import { parseRefinement } from './parse-refinement.ts';

const now = new Date('2026-11-23T08:00:00Z');
const WORDS = [
  'win back', 'high-value', 'customers', "haven't bought in", '90', 'days', '10%', 'off', 'by', 'SMS', 'push', 'email', 'next', 'Tuesday',
  '10am', 'women', 'aged', '25-30', 'in', 'Shanghai', 'abandoned carts', 'this month', 'budget', '5000', '$20', 'hours after', 'add to cart',
  '召回', '高价值', '用户', '90天未购买', '短信', '推送', '满300减50', '8折', '双11', '618', '明天', '上午10点', '下周二', '女性', '25-30岁',
  '加购后2小时未付款', '购买过母婴用品', '推荐', '儿童教育', '预算', '万', '只要', '去掉', '改成', '，', '.', '0', '999', '-', '%', '折',
];
const phrase = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 14 }).map((words) => words.join(' '));
const anyText = fc.oneof(phrase, fc.string({ minLength: 1, maxLength: 120 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 60 }));

describe('the parsers on arbitrary text', () => {
  it('always return schema-valid briefs and segments', () => {
    fc.assert(
      fc.property(anyText, (goal) => {
        fc.pre(goal.trim() !== '');
        const parsed = parseGoal(goal, { now });
        expect(Brief.safeParse(parsed.brief).success).toBe(true);
        expect(SegmentDefinition.safeParse(parsed.segment).success).toBe(true);
        expect(parsed.brief.goal).toBe(goal);
      }),
      { numRuns: 400, seed: 7 },
    );
  });

  it('always classify a follow-up message', () => {
    const base = parseGoal('召回高价值且有流失风险的用户，短信，满300减50', { now });
    fc.assert(
      fc.property(anyText, (message) => {
        const result = parseRefinement(message, { brief: base.brief, segment: base.segment }, { now });
        expect(['approve', 'reject', 'revise', 'new_goal', 'unclear']).toContain(result.kind);
        if (result.kind === 'revise') {
          expect(Brief.safeParse(result.brief).success).toBe(true);
          expect(SegmentDefinition.safeParse(result.segment).success).toBe(true);
          expect(result.changes.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400, seed: 11 },
    );
  });

  it('is deterministic', () => {
    const goal = "Win back high-value customers who haven't bought in 90 days, 10% off by SMS next Tuesday 10am";
    expect(parseGoal(goal, { now })).toEqual(parseGoal(goal, { now }));
  });
});
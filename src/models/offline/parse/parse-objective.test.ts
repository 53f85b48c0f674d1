// Tests for objective cues and budgets.
import { describe, expect, it } from 'vitest';
import type { Objective } from '../../../domain/brief.ts';
import { parseBudget } from './parse-budget.ts';
import { detectObjective } from './parse-objective.ts';
import { normalizeText } from './text.ts';

describe('detectObjective', () => {
  it.each<[string, Objective | null]>([
    ['win back lapsed customers', 'winback'],
    ["customers who haven't bought in 90 days", 'winback'],
    ['召回沉睡用户', 'winback'],
    ['唤醒三个月没买的用户', 'winback'],
    ['keep customers at risk of churning', 'retention'],
    ['召回有流失风险的用户', 'retention'],
    ['raise average order value', 'aov'],
    ['提升客单价', 'aov'],
    ['remind people who abandoned their cart', 'cart_recovery'],
    ['加购未付款提醒', 'cart_recovery'],
    ['recommend books to parents', 'cross_sell'],
    ['交叉销售', 'cross_sell'],
    ['drive first purchase among new users', 'activation'],
    ['新用户首单', 'activation'],
    ['boost conversion', 'conversion'],
    ['提升销量', 'conversion'],
    ['announce the new collection', 'awareness'],
    ['新品发布', 'awareness'],
    ['do some marketing', null],
    ['帮我做个活动', null],
  ])('%s', (text, objective) => {
    expect(detectObjective(normalizeText(text))?.objective ?? null).toBe(objective);
  });
});

describe('parseBudget', () => {
  it.each([
    ['budget 5000', { amount: 5000, currency: 'CNY' }],
    ['budget of $5,000', { amount: 5000, currency: 'USD' }],
    ['a $2k budget', { amount: 2000, currency: 'USD' }],
    ['预算5000元', { amount: 5000, currency: 'CNY' }],
    ['预算1万', { amount: 10000, currency: 'CNY' }],
    ['预算不超过三千', { amount: 3000, currency: 'CNY' }],
    ['10% off', null],
  ])('%s', (text, budget) => {
    expect(parseBudget(normalizeText(text))).toEqual(budget);
  });
});
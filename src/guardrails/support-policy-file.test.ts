// The support policy file: the shipped default is valid, and a wrong one names each field and line.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SUPPORT_POLICY_PATH, loadSupportPolicy, parseSupportPolicy } from './support-policy-file.ts';

describe('support policy file', () => {
  it('ships a valid default with every register in English and Chinese', () => {
    const policy = loadSupportPolicy();
    for (const style of Object.values(policy.tone.registers)) expect(Object.keys(style.opening).sort()).toEqual(['en', 'zh']);
    expect(policy.escalation.handoverMessage.en).toContain('{summary}');
  });

  it('names every wrong field with its line', () => {
    const source = readFileSync(DEFAULT_SUPPORT_POLICY_PATH, 'utf8')
      .replace('veryNegativeAtMost: -0.6', 'veryNegativeAtMost: 3')
      .replace('    - { band: neutral, register: concise }\n', '');
    expect(() => parseSupportPolicy(source, 'support.yaml')).toThrow(
      'Support policy support.yaml has 2 problem(s):\n' +
        '  sentiment.veryNegativeAtMost: Too big: expected number to be <=0 (line 9)\n' +
        '  tone.rules: band neutral needs a rule without a trend (line 20)',
    );
  });
});

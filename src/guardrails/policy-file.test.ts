import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Policy } from '../domain/policy.ts';
import { CodedError, ErrorCode } from '../errors.ts';
import { checkPolicyFile, DEFAULT_POLICY_PATH, formatPolicy, loadPolicy } from './policy-file.ts';

const directory = mkdtempSync(join(tmpdir(), 'policy-file-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function writePolicy(name: string, content: string): string {
  const path = join(directory, name);
  writeFileSync(path, content);
  return path;
}

function failureOf(load: () => unknown): CodedError {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(CodedError);
    expect((error as CodedError).code).toBe(ErrorCode.PolicyInvalid);
    return error as CodedError;
  }
  throw new Error('expected loading to fail');
}

const defaultYaml = readFileSync(DEFAULT_POLICY_PATH, 'utf8');

describe('loadPolicy', () => {
  it('loads the shipped default policy from beside the source, whatever the working directory', () => {
    const policy = loadPolicy();
    expect(policy.discount).toEqual({
      ceilingPercent: 30,
      onExceed: 'fix',
      categoryCeilings: { alcohol: 10 },
      segmentCeilings: {},
      minMarginPercent: 5,
      campaignBudget: null,
      allowStacking: false,
    });
    expect(policy.consent).toEqual({ required: true });
    expect(policy.quietHours).toEqual({ start: '21:00', end: '08:00', channels: {}, countries: {} });
    expect(policy.frequencyCap).toEqual({ maxMessages: 3, windowDays: 7 });
    expect(policy.minors).toEqual({ minimumAge: 18, restrictedCategories: ['alcohol', 'tobacco', 'gambling'] });
    expect(policy.approval).toEqual({
      always: false,
      discountAbovePercent: 0,
      audienceAbove: 5000,
      whenGuardrailFixed: true,
      newChannel: true,
      approverRole: 'approver',
      forbidSelfApproval: true,
    });
    expect(policy.requiredContent).toEqual({
      optOut: {
        sms: { en: 'Reply STOP to opt out', zh: '回T退订' },
        email: { en: 'Unsubscribe: {{unsubscribe_url}}', zh: '退订：{{unsubscribe_url}}' },
      },
      senderName: { en: 'Lumen', zh: '乐萌' },
    });
    expect(policy.placeholders).toEqual({
      allowed: ['first_name', 'last_viewed_product', 'coupon_code', 'unsubscribe_url'],
      allowedContacts: [],
    });
    expect(policy.brandVoice.emoji).toBe('allowed');
    expect(policy.triggers.exitEvents.add_to_cart).toBe('purchase');
    expect(policy.channels).toEqual({
      sms: { costPerMessage: 0.05 },
      email: { costPerMessage: 0.001 },
      push: { costPerMessage: 0.0005 },
      wecom: { costPerMessage: 0.01 },
    });
    expect(policy.currency).toBe('CNY');
  });

  it('ships the required English and Chinese banned claims', () => {
    const { en, zh } = loadPolicy().claims.banned;
    const englishTerms = en.map((claim) => claim.term);
    for (const term of ["best in the world", "world's best", 'guaranteed', 'guarantee', 'risk-free', 'cure', 'cures', 'miracle', '100% effective', 'no.1', 'number one']) {
      expect(englishTerms).toContain(term);
    }
    const chineseTerms = zh.map((claim) => claim.term);
    for (const term of ['最', '最佳', '最好', '最低价', '全网最低', '第一', '唯一', '国家级', '世界级', '顶级', '极致', '100%', '万能', '绝对', '首选', '全网最好']) {
      expect(chineseTerms).toContain(term);
    }
    expect(zh.find((claim) => claim.term === '最好')?.replacement).toBe('很好');
    expect(zh.find((claim) => claim.term === '全网最低')?.replacement).toBe('超值');
    expect(en.find((claim) => claim.term === 'guaranteed')?.replacement).toBe('');
  });

  it('reads the same policy from JSON', () => {
    const path = writePolicy('policy.json', JSON.stringify(parse(defaultYaml), null, 2));
    expect(loadPolicy(path)).toEqual(loadPolicy());
  });

  it('lists every validation issue as path: message with its line and the file name', () => {
    const broken = defaultYaml
      .replace('ceilingPercent: 30', 'ceilingPercent: 130')
      .replace('onExceed: fix', 'onExceed: lower')
      .replace('maxMessages: 3', 'maxMessages: 2.5')
      .replace('start: "21:00"', 'start: "9pm"')
      .replace('currency: CNY', 'currency: yuan');
    const path = writePolicy('broken.yaml', broken);
    const lineOf = (text: string) => broken.split('\n').findIndex((line) => line.includes(text)) + 1;
    const error = failureOf(() => loadPolicy(path));
    expect(error.message).toBe(
      [
        `Policy file ${path} has 5 problems:`,
        `  discount.ceilingPercent: expected a number <= 100 (line ${lineOf('ceilingPercent: 130')})`,
        `  discount.onExceed: expected one of "fix", "block", got "lower" (line ${lineOf('onExceed: lower')})`,
        `  quietHours.start: expected a time as HH:mm (line ${lineOf('start: "9pm"')})`,
        `  frequencyCap.maxMessages: expected a whole number, got 2.5 (line ${lineOf('maxMessages: 2.5')})`,
        `  currency: expected exactly 3 characters (line ${lineOf('currency: yuan')})`,
      ].join('\n'),
    );
  });

  it('reads quiet hours per channel and per country, and names a wrong country code or window', () => {
    const overrides =
      '  channels:\n    push: { start: "22:00", end: "08:00" }\n' +
      '  countries:\n    CN: { start: "21:00", end: "09:00", channels: { sms: { start: "20:00", end: "09:00" } } }\n';
    const zoned = defaultYaml.replace('  channels: {}\n  countries: {}\n', overrides);
    expect(loadPolicy(writePolicy('zoned.yaml', zoned)).quietHours).toEqual({
      start: '21:00',
      end: '08:00',
      channels: { push: { start: '22:00', end: '08:00' } },
      countries: { CN: { start: '21:00', end: '09:00', channels: { sms: { start: '20:00', end: '09:00' } } } },
    });
    const broken = zoned.replace('    CN: { start: "21:00", end: "09:00"', '    china: { start: "21:00", end: "9am"');
    const path = writePolicy('zoned-broken.yaml', broken);
    const line = broken.split('\n').findIndex((text) => text.includes('china:')) + 1;
    expect(failureOf(() => loadPolicy(path)).message).toBe(
      [
        `Policy file ${path} has 2 problems:`,
        `  quietHours.countries.china.end: expected a time as HH:mm (line ${line})`,
        `  quietHours.countries.china: expected a two-letter country code such as CN, got "china" (line ${line})`,
      ].join('\n'),
    );
  });

  it('names missing settings and unknown keys', () => {
    const path = writePolicy(
      'missing.json',
      JSON.stringify({ ...parse(defaultYaml), consent: undefined, channels: { sms: { costPerMessage: 0.05 }, fax: { costPerMessage: 1 } } }),
    );
    const error = failureOf(() => loadPolicy(path));
    expect(error.message).toContain('consent: missing, expected a section of settings');
    expect(error.message).toContain('channels.email: missing, expected a section of settings (line 1)');
    expect(error.message).toContain('channels: unknown key "fax"');
  });

  it('reports a missing file, a wrong extension and an empty file by name', () => {
    const missing = join(directory, 'nope.yaml');
    expect(failureOf(() => loadPolicy(missing)).message).toBe(`Policy file ${missing} does not exist.`);
    expect(failureOf(() => loadPolicy(join(directory, 'policy.toml'))).message).toContain('must end in .yaml, .yml or .json');
    const empty = writePolicy('empty.yml', '# nothing yet\n');
    expect(failureOf(() => loadPolicy(empty)).message).toBe(`Policy file ${empty} is empty.`);
  });

  it('reports unparsable YAML and JSON with the line', () => {
    const yamlPath = writePolicy('bad.yaml', 'version: 1\ndiscount:\n  ceilingPercent: [30\nconsent: {}\n');
    expect(failureOf(() => loadPolicy(yamlPath)).message).toMatch(
      new RegExp(`^Policy file ${yamlPath} is not valid YAML at line \\d+, column \\d+: .+`),
    );
    const jsonPath = writePolicy('bad.json', '{\n  "version": 1,\n  "discount" {}\n}');
    expect(failureOf(() => loadPolicy(jsonPath)).message).toBe(
      `Policy file ${jsonPath} is not valid JSON at line 3, column 14: Expected ':' after property name`,
    );
  });
});

describe('policy files written before the newer sections', () => {
  it('still validate, with every newer setting at its default', () => {
    const old = parse(defaultYaml);
    for (const key of ['requiredContent', 'placeholders', 'brandVoice', 'triggers']) delete old[key];
    old.discount = { ceilingPercent: 30, onExceed: 'fix' };
    delete old.approval.newChannel;
    const policy = loadPolicy(writePolicy('old.json', JSON.stringify(old)));
    expect(policy.discount).toEqual({
      ceilingPercent: 30,
      onExceed: 'fix',
      categoryCeilings: {},
      segmentCeilings: {},
      minMarginPercent: null,
      campaignBudget: null,
      allowStacking: false,
    });
    expect(policy.approval.newChannel).toBe(true);
    expect(policy.requiredContent).toEqual({
      optOut: {
        sms: { en: 'Reply STOP to opt out', zh: '回T退订' },
        email: { en: 'Unsubscribe: {{unsubscribe_url}}', zh: '退订：{{unsubscribe_url}}' },
      },
      senderName: {},
    });
    expect(policy.placeholders.allowed).toEqual(['first_name', 'last_viewed_product', 'coupon_code', 'unsubscribe_url']);
    expect(policy.brandVoice).toEqual({ tone: {}, wordsToUse: {}, wordsToAvoid: {}, emoji: 'allowed' });
    expect(policy.triggers.exitEvents).toEqual({
      view: 'purchase',
      add_to_cart: 'purchase',
      login: 'purchase',
      open: 'purchase',
      click: 'purchase',
      purchase: 'purchase',
    });
  });
});

describe('checkPolicyFile', () => {
  it('returns the policy for a good file', () => {
    expect(checkPolicyFile(DEFAULT_POLICY_PATH)).toEqual({ ok: true, policy: loadPolicy() });
  });

  it('lists every problem of a bad file, newer sections included, with its line', () => {
    const broken = defaultYaml
      .replace('ceilingPercent: 30', 'ceilingPercent: 130')
      .replace('segmentCeilings: {}', 'segmentCeilings: { vip: 20 }')
      .replace('  emoji: allowed', '  emoji: sometimes')
      .replace('    add_to_cart: purchase', '    add_to_cart: buy');
    const path = writePolicy('broken-new.yaml', broken);
    const lineOf = (text: string) => broken.split('\n').findIndex((line) => line.includes(text)) + 1;
    expect(checkPolicyFile(path)).toEqual({
      ok: false,
      problems: [
        `discount.ceilingPercent: expected a number <= 100 (line ${lineOf('ceilingPercent: 130')})`,
        `discount.segmentCeilings: unknown key "vip" (line ${lineOf('segmentCeilings:')})`,
        `brandVoice.emoji: expected one of "allowed", "none", got "sometimes" (line ${lineOf('emoji: sometimes')})`,
        `triggers.exitEvents.add_to_cart: expected one of "view", "add_to_cart", "purchase", "login", "open", "click", "unsubscribe", got "buy" (line ${lineOf('add_to_cart: buy')})`,
      ],
    });
  });

  it('explains a value that matches none of the forms a setting takes', () => {
    const broken = defaultYaml.replace('      - { term: "cheap", replacement: "great value" }', '      - { replacement: "great value" }');
    const path = writePolicy('union.yaml', broken);
    expect(checkPolicyFile(path)).toEqual({
      ok: false,
      problems: [
        'brandVoice.wordsToAvoid.en.0: matches none of the allowed forms (expected text, got a section of settings; or term: missing, expected text) ' +
          `(line ${broken.split('\n').findIndex((line) => line.includes('{ replacement: "great value" }')) + 1})`,
      ],
    });
  });

  it('gives the one reason a file cannot be read', () => {
    const missing = join(directory, 'absent.yaml');
    expect(checkPolicyFile(missing)).toEqual({ ok: false, problems: [`Policy file ${missing} does not exist.`] });
    const empty = writePolicy('blank.yaml', '\n');
    expect(checkPolicyFile(empty)).toEqual({ ok: false, problems: [`Policy file ${empty} is empty.`] });
  });
});

describe('formatPolicy', () => {
  it('prints YAML that reads back as the same policy', () => {
    const policy = loadPolicy();
    const printed = formatPolicy(policy);
    expect(printed).toContain('ceilingPercent: 30');
    expect(Policy.parse(parse(printed))).toEqual(policy);
  });
});

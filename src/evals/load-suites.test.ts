// Loading suites: the shipped files are valid; a mistake names the file, the case and the field.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadEvalEnvironment, loadSuites } from './load-suites.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'eval-suites-'));
  mkdirSync(join(dir, 'suites'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('loadSuites', () => {
  it('loads the shipped suites and environment', () => {
    const suites = loadSuites();
    expect(suites.map((suite) => suite.name)).toEqual(['planning', 'copy', 'adversarial', 'support']);
    for (const suite of suites) expect(suite.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(suites.find((suite) => suite.name === 'support')!.cases.every((evalCase) => !evalCase.pending && evalCase.conversation && !evalCase.turns)).toBe(true);
    expect(loadEvalEnvironment()).toEqual({ version: 1, now: '2026-11-23T08:00:00Z', timeZone: 'Asia/Shanghai', customers: 1500, seed: 42 });
  });

  it('loads only the suites asked for, in the standard order', () => {
    expect(loadSuites({ names: ['adversarial', 'copy'] }).map((suite) => suite.name)).toEqual(['copy', 'adversarial']);
  });

  it('names an unknown suite', () => {
    expect(() => loadSuites({ names: ['planning', 'speed'] })).toThrow('unknown suite "speed": choose from planning, copy, adversarial, support');
  });

  it('names the file, case and field of a mistake', () => {
    const path = join(dir, 'suites', 'copy.yaml');
    writeFileSync(
      path,
      `version: 1
suite: copy
description: broken
cases:
  - id: fine
    locale: en
    turns: [hello]
  - id: wrong-objective
    locale: en
    turns: [hello]
    expect: { brief: { objective: sell_more } }
`,
    );
    expect(() => loadSuites({ dir, names: ['copy'] })).toThrow(
      `${path}: case "wrong-objective" expect.brief.objective: Invalid option: expected one of "winback"|"retention"|"aov"|"conversion"|"cart_recovery"|"cross_sell"|"activation"|"awareness"`,
    );
    writeFileSync(path, 'version: 1\nsuite: copy\ndescription: broken\ncases:\n  - { id: fine, locale: en, turns: [hi] }\n  - { id: fine, locale: zh }\n');
    expect(() => loadSuites({ dir, names: ['copy'] })).toThrow(`${path}: case "fine" id: duplicate case id "fine"; case "fine" turns: a case that is not pending needs turns`);
  });

  it('asks support cases for a conversation, other suites for turns', () => {
    const path = join(dir, 'suites', 'support.yaml');
    writeFileSync(path, 'version: 1\nsuite: support\ndescription: d\ncases:\n  - { id: b, locale: en, conversation: [{ customer: hi, register: polite }] }\n');
    expect(() => loadSuites({ dir, names: ['support'] })).toThrow(`${path}: case "b" conversation.0.register: Invalid option: expected one of "apologetic_brief"|"empathetic_solution_first"|"concise"|"warm"`);
    writeFileSync(path, 'version: 1\nsuite: support\ndescription: d\ncases:\n  - { id: a, locale: zh, turns: [hi] }\n');
    expect(() => loadSuites({ dir, names: ['support'] })).toThrow(`${path}: case "a" conversation: a support case that is not pending needs a conversation`);
  });

  it('reports a missing suite file', () => {
    expect(() => loadSuites({ dir, names: ['planning'] })).toThrow(/planning\.yaml does not exist/);
  });
});

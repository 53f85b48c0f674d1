// `campaign-agent sentiment`, run as a user runs it: the real CLI in a child process reading lines
// from standard input and answering each before the next one arrives.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectSentiment } from '../../../sentiment/detect-sentiment.ts';

const CLI = join(import.meta.dirname, '..', '..', '..', '..', 'bin', 'campaign-agent.mjs');
const env = { ...process.env, LOG_LEVEL: 'silent' };

function runWithInput(args: string[], input: string) {
  const result = spawnSync(process.execPath, [CLI, 'sentiment', ...args], { env, input, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function expected(text: string, language: 'en' | 'zh' | 'auto' = 'auto') {
  const { label, score, confidence } = detectSentiment(text, { language });
  return { label, score, confidence };
}

describe('campaign-agent sentiment', () => {
  it('prints one { label, score, confidence } object per input line, empty lines included, in order', () => {
    const lines = ['This is great, thank you so much!', '', '等了两个小时还没到，太差了', 'Where is my order?'];
    const result = runWithInput([], `${lines.join('\n')}\n`);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const printed = result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(printed).toEqual(lines.map((line) => expected(line)));
    expect(printed.map((item) => item.label)).toEqual(['positive', 'neutral', 'negative', 'neutral']);
  });

  it('honours --lang, handles CRLF and a last line without a newline', () => {
    const result = runWithInput(['--lang', 'zh'], '味道不错\r\n送餐太慢了');
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split('\n').map((line) => JSON.parse(line))).toEqual([expected('味道不错', 'zh'), expected('送餐太慢了', 'zh')]);
  });

  it('rejects an unknown --lang with a one-line message and exit code 1', () => {
    const result = runWithInput(['--lang', 'fr'], 'hello\n');
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `campaign-agent: option '--lang <language>' argument 'fr' is invalid. --lang must be one of en, zh, auto (got "fr")\n`,
    });
  });

  it('streams: answers each line while standard input is still open', async () => {
    const child = spawn(process.execPath, [CLI, 'sentiment', '--lang', 'en'], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    const received: string[] = [];
    let buffer = '';
    let waiter: (() => void) | null = null;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      let newline = buffer.indexOf('\n');
      while (newline >= 0) {
        received.push(buffer.slice(0, newline));
        buffer = buffer.slice(newline + 1);
        newline = buffer.indexOf('\n');
      }
      waiter?.();
    });
    const nextLine = (count: number) =>
      new Promise<void>((resolve) => {
        waiter = () => {
          if (received.length >= count) resolve();
        };
        waiter();
      });
    child.stdin.write('I love it\n');
    await nextLine(1);
    expect(JSON.parse(received[0] ?? '')).toEqual(expected('I love it', 'en'));
    child.stdin.write('This is terrible\n');
    await nextLine(2);
    expect(JSON.parse(received[1] ?? '')).toEqual(expected('This is terrible', 'en'));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.stdin.end();
    expect(await exited).toBe(0);
    expect(received).toHaveLength(2);
  });
});

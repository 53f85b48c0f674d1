// `campaign-agent sentiment [--lang en|zh|auto] < lines.txt`: the sentiment of each input line as
// one JSON object per line ({ label, score, confidence }), written as soon as the line is read, so
// the command can sit in a pipe that feeds it messages one at a time. Needs no database.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { InvalidArgumentError, type Command } from 'commander';
import type { Locale } from '../../../domain/vocabulary.ts';
import { detectSentiment } from '../../../sentiment/detect-sentiment.ts';

type LanguageChoice = Locale | 'auto';
const LANGUAGE_CHOICES: readonly LanguageChoice[] = ['en', 'zh', 'auto'];

function parseLanguage(value: string): LanguageChoice {
  const choice = LANGUAGE_CHOICES.find((candidate) => candidate === value);
  if (!choice) throw new InvalidArgumentError(`--lang must be one of ${LANGUAGE_CHOICES.join(', ')} (got "${value}")`);
  return choice;
}

export interface StreamSentimentOptions {
  input: Readable;
  output: Writable;
  language?: LanguageChoice;
}

/** Writes one `{ label, score, confidence }` line per input line (an empty line is neutral); resolves at end of input. */
export async function streamSentiment({ input, output, language = 'auto' }: StreamSentimentOptions): Promise<number> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let count = 0;
  for await (const line of lines) {
    const { label, score, confidence } = detectSentiment(line, { language });
    output.write(`${JSON.stringify({ label, score, confidence })}\n`);
    count += 1;
  }
  return count;
}

export function registerSentimentCommand(program: Command): void {
  program
    .command('sentiment')
    .description('Print the sentiment of each line of standard input as JSON: { label, score, confidence }')
    .option('--lang <language>', 'en, zh, or auto (detect per line)', parseLanguage, 'auto' as LanguageChoice)
    .action(async function runSentimentCommand(options: { lang: LanguageChoice }) {
      await streamSentiment({ input: process.stdin, output: process.stdout, language: options.lang });
    });
}

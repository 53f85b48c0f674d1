// Prompts live as files under prompts/, one per job, loaded by name. The content hash identifies
// the prompt version (evals key their recordings on it).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROMPTS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'prompts');

export interface LoadedPrompt {
  name: string;
  text: string;
  sha256: string;
}

const cache = new Map<string, LoadedPrompt>();

export function loadPrompt(name: string, { dir = PROMPTS_DIR }: { dir?: string } = {}): LoadedPrompt {
  const key = `${dir}/${name}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const text = readFileSync(join(dir, `${name}.md`), 'utf8');
  const prompt = { name, text, sha256: createHash('sha256').update(text).digest('hex') };
  cache.set(key, prompt);
  return prompt;
}

// Model answers recorded on disk, one JSON file per request under evals/recordings/. A recording is
// keyed by the model name, the name and sha256 of the prompt file the request's system message came
// from, the tools offered and the conversation, so editing a prompt invalidates exactly the
// requests that used it. A request without a recording is "stale" when the same case and call was
// recorded under another key (the prompt or the conversation changed) and "missing" otherwise.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CodedError, ErrorCode } from '../errors.ts';

export interface PromptIdentity {
  name: string;
  sha256: string;
}

/** A message as it enters the key: no ids, which differ between runs without changing meaning. */
export interface KeyedMessage {
  type: string;
  content: unknown;
  name?: string;
  toolCalls?: Array<{ name: string; args: unknown }>;
  status?: string;
}

export interface RecordedResponse {
  content: unknown;
  toolCalls: Array<{ id: string; name: string; args: Record<string, unknown> }>;
}

/** A case that made this request, and where among its model calls (from 0). */
export interface RecordingUse {
  caseId: string;
  call: number;
}

export interface Recording {
  version: 1;
  key: string;
  model: string;
  prompt: PromptIdentity;
  toolsDigest: string;
  /** Cases that make this very request (two cases may open with the same goal). */
  uses: RecordingUse[];
  request: KeyedMessage[];
  response: RecordedResponse;
}

export interface RecordingRequest {
  model: string;
  prompt: PromptIdentity;
  toolsDigest: string;
  messages: KeyedMessage[];
}

export function recordingKey(request: RecordingRequest): string {
  return createHash('sha256').update(JSON.stringify([request.model, request.prompt, request.toolsDigest, request.messages])).digest('hex');
}

export type UnavailableStatus = 'stale' | 'missing';

/** A replay asked for an answer that was never recorded (missing) or was recorded for other input (stale). */
export class RecordingUnavailableError extends Error {
  readonly status: UnavailableStatus;

  constructor(status: UnavailableStatus, message: string) {
    super(message);
    this.name = 'RecordingUnavailableError';
    this.status = status;
  }
}

export class RecordingStore {
  readonly dir: string;
  readonly #byKey = new Map<string, Recording>();
  /** Keys written by this store: a second case making the same request reuses the answer. */
  readonly #written = new Set<string>();
  #caseId = '(no case)';
  #call = 0;

  constructor({ dir }: { dir: string }) {
    this.dir = dir;
    if (!existsSync(dir)) return;
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.json')).sort()) {
      const path = join(dir, file);
      try {
        const recording = JSON.parse(readFileSync(path, 'utf8')) as Recording;
        if (!Array.isArray(recording.uses)) throw new Error('it has no "uses"');
        this.#byKey.set(recording.key, recording);
      } catch (error) {
        throw new CodedError(ErrorCode.InvalidInput, `recording ${path} is not valid JSON (${(error as Error).message}): delete it or record again with --record`);
      }
    }
  }

  /** Following model calls belong to this case, counted from 0. */
  beginCase(caseId: string): void {
    this.#caseId = caseId;
    this.#call = 0;
  }

  /** The case and position of the next model call. */
  nextCall(): { caseId: string; call: number } {
    return { caseId: this.#caseId, call: this.#call++ };
  }

  find(key: string): Recording | null {
    return this.#byKey.get(key) ?? null;
  }

  /** The recording of this key written during this run, if any. */
  findWritten(key: string): Recording | null {
    return this.#written.has(key) ? this.find(key) : null;
  }

  /**
   * Writes a recording made for `use`. Another recording the same case made at the same call (an
   * older prompt or conversation) stops being that case's; a file no case uses any more is deleted.
   */
  save(recording: Omit<Recording, 'uses'>, use: RecordingUse): void {
    mkdirSync(this.dir, { recursive: true });
    const sameUse = (entry: RecordingUse) => entry.caseId === use.caseId && entry.call === use.call;
    for (const old of this.#sameCall(recording.model, use.caseId, use.call)) {
      if (old.key === recording.key) continue;
      const uses = old.uses.filter((entry) => !sameUse(entry));
      if (uses.length === 0) {
        rmSync(join(this.dir, `${old.key}.json`), { force: true });
        this.#byKey.delete(old.key);
      } else {
        this.#write({ ...old, uses });
      }
    }
    const existing = this.#byKey.get(recording.key)?.uses ?? [];
    const uses = [...existing.filter((entry) => !sameUse(entry)), use].sort((a, b) => a.caseId.localeCompare(b.caseId) || a.call - b.call);
    this.#write({ ...recording, uses });
    this.#written.add(recording.key);
  }

  #write(recording: Recording): void {
    writeFileSync(join(this.dir, `${recording.key}.json`), `${JSON.stringify(recording, null, 2)}\n`);
    this.#byKey.set(recording.key, recording);
  }

  #sameCall(model: string, caseId: string, call: number): Recording[] {
    return [...this.#byKey.values()].filter((entry) => entry.model === model && entry.uses.some((use) => use.caseId === caseId && use.call === call));
  }

  /** Why there is no recording for this request. */
  diagnose(request: RecordingRequest, caseId: string, call: number): RecordingUnavailableError {
    const sameCall = this.#sameCall(request.model, caseId, call);
    const where = `${caseId}, model call ${call + 1} on ${request.model}`;
    if (sameCall.length > 0) {
      const changedPrompt = sameCall.find((entry) => entry.prompt.name === request.prompt.name && entry.prompt.sha256 !== request.prompt.sha256);
      const reason = changedPrompt
        ? `prompt "${request.prompt.name}" changed since it was recorded (recorded with ${changedPrompt.prompt.sha256.slice(0, 12)}, now ${request.prompt.sha256.slice(0, 12)})`
        : sameCall.some((entry) => entry.toolsDigest !== request.toolsDigest)
          ? 'the tool definitions changed since it was recorded'
          : 'the conversation differs from the recorded one (a tool result or an earlier answer changed)';
      return new RecordingUnavailableError('stale', `stale recording for ${where}: ${reason}; record again with --record`);
    }
    const caseRecorded = [...this.#byKey.values()].some((entry) => entry.model === request.model && entry.uses.some((use) => use.caseId === caseId));
    return new RecordingUnavailableError(
      caseRecorded ? 'stale' : 'missing',
      caseRecorded
        ? `stale recording for ${where}: the case now makes more model calls than were recorded; record again with --record`
        : `no recording for ${where}: record it with --record`,
    );
  }
}

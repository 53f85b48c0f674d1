// Readers for command-line values that several commands share: thread and campaign ids (the same
// patterns the HTTP API accepts) and instants. Each names the flag and the value it refused.
import { InvalidArgumentError } from 'commander';
import type { z } from 'zod';
import { CampaignId, ThreadId } from '../../domain/ids.ts';
import { parseAsOf } from '../../../tools/segments/as-of.ts';

function idOption(flag: string, schema: z.ZodString) {
  return function parseIdOption(value: string): string {
    const parsed = schema.safeParse(value);
    if (!parsed.success) throw new InvalidArgumentError(`${flag} ${JSON.stringify(value)} is not valid: ${parsed.error.issues[0]?.message ?? 'bad id'}`);
    return parsed.data;
  };
}

/** `--thread <id>`: 1-100 letters, digits, _ or -. */
export const threadIdOption = idOption('--thread', ThreadId);
/** `--campaign <id>` and campaign id arguments. */
export const campaignIdOption = (flag = '--campaign') => idOption(flag, CampaignId);

/** An ISO date (midnight UTC) or date-time (UTC unless it has an offset) for `flag`. */
export function instantOption(flag: string) {
  return function parseInstantOption(value: string): Date {
    try {
      return parseAsOf(value, flag);
    } catch (error) {
      throw new InvalidArgumentError((error as Error).message);
    }
  };
}

// The ids a person passes in from outside (a URL, a command-line flag): conversation threads and
// campaigns. One pattern for each, so the HTTP API and the command line accept the same ids.
import { z } from 'zod';

export const ThreadId = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'a thread id is 1-100 letters, digits, _ or -');
export const CampaignId = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'a campaign id is 1-100 letters, digits, _ or -');

// The audience facts a draft carries between tools and guardrails.
import type { queryAudienceFacts } from './audience-facts.ts';

export type AudienceSnapshot = Awaited<ReturnType<typeof queryAudienceFacts>>;

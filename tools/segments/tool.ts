// query_segment: the model proposes the brief and an audience definition; the tool evaluates the
// audience on the database (size, reachability per channel, facts for guardrails) and describes it
// back in the goal's language so the marketer can check it.
import { z } from 'zod';
import { Brief } from '../../src/domain/brief.ts';
import { SegmentDefinition } from '../../src/domain/segment.ts';
import { definePlannerTool } from '../planner-tool.ts';
import { ToolName } from '../tool-names.ts';
import { queryAudienceFacts } from './audience-facts.ts';
import { describeSegment } from './describe-segment.ts';

export const QuerySegmentInput = z.object({
  brief: Brief.describe('The goal as understood: objective, channels, offer (null if none was asked for), timing, locale, category, budget'),
  definition: SegmentDefinition.describe('Who receives the campaign, as a boolean tree of conditions'),
  assumptions: z.array(z.string()).describe('What vague words were taken to mean, in the goal language'),
});

export const querySegmentTool = definePlannerTool({
  name: ToolName.querySegment,
  description:
    'Evaluate the audience for a brief on the customer database. Call this first, with the full brief and the segment ' +
    'definition; returns the audience size, reachable customers per channel and a plain description to check.',
  input: QuerySegmentInput,
  async run({ brief, definition, assumptions }, { db, policy, asOf }) {
    const audience = await queryAudienceFacts(db, {
      definition,
      asOf,
      channels: brief.channels,
      minimumAge: policy.minors.minimumAge,
      frequencyCap: policy.frequencyCap,
      sendAt: asOf,
    });
    const segment = {
      definition,
      description: describeSegment(definition, brief.locale),
      assumptions,
      count: audience.count,
      reachable: audience.reachable,
    };
    return {
      parts: { brief, segment, audience },
      reply: { description: segment.description, count: audience.count, reachable: audience.reachable },
    };
  },
});

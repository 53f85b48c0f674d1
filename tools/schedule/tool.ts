// schedule_send: proposes when the drafted campaign goes out (a time in each recipient's zone, a
// period, or a trigger), with the quiet hours that apply. Nothing is queued until approval.
import { z } from 'zod';
import { Timing } from '../../src/domain/brief.ts';
import { definePlannerTool } from '../planner-tool.ts';
import { ToolName } from '../tool-names.ts';
import { resolveSchedule } from './resolve-schedule.ts';

export const scheduleSendTool = definePlannerTool({
  name: ToolName.scheduleSend,
  description:
    "Propose the send schedule for the drafted campaign (after query_segment), from the brief's timing unless `timing` " +
    'overrides it. Sends are only queued after approval.',
  input: z.object({ timing: Timing.optional().describe('Only to change the timing of the brief') }),
  async run({ timing }, { draft, policy, asOf }) {
    if (!draft.brief) throw new Error('call query_segment before schedule_send');
    const brief = timing ? { ...draft.brief, timing } : draft.brief;
    const schedule = resolveSchedule({
      timing: brief.timing,
      locale: brief.locale,
      quietHours: policy.quietHours,
      asOf,
      timeZones: draft.audience?.timeZones ?? [{ timeZone: 'UTC' }],
    });
    return { parts: timing ? { brief, schedule } : { schedule }, reply: { summary: schedule.summary } };
  },
});

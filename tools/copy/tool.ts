// generate_copy: writes the messages for every planned channel in the goal's language, two
// variants each for A/B testing, with the required sender and opt-out text: by the copy prompt when a
// model is configured (model-copy.ts), else from the offline template library.
import { z } from 'zod';
import { definePlannerTool } from '../planner-tool.ts';
import { ToolName } from '../tool-names.ts';
import { generateModelCopy } from './model-copy.ts';
import { generateOfflineCopy } from './offline-copy.ts';

export const generateCopyTool = definePlannerTool({
  name: ToolName.generateCopy,
  description:
    'Write the copy for the drafted campaign (after query_segment): two variants per planned channel, in the goal language. ' +
    'Takes no arguments.',
  input: z.object({}),
  async run(_input, { draft, copyModel, policy }) {
    if (!draft.brief) throw new Error('call query_segment before generate_copy');
    if (copyModel) {
      const generated = await generateModelCopy({ chatModel: copyModel, brief: draft.brief, policy });
      const copy = generated.messages;
      const reply = copy.map(({ channel, variant, title, text }) => ({ channel, variant, title, text }));
      return { parts: { copy }, reply: generated.problem ? { copy: reply, source: generated.source, problem: generated.problem } : reply };
    }
    const copy = generateOfflineCopy({ brief: draft.brief });
    return { parts: { copy }, reply: copy.map(({ channel, variant, title, text }) => ({ channel, variant, title, text })) };
  },
});

// The names the planner's model uses to call its tools; one place so the graph, the offline model
// and the evals agree.
export const ToolName = {
  querySegment: 'query_segment',
  forecastImpact: 'forecast_impact',
  generateCopy: 'generate_copy',
  scheduleSend: 'schedule_send',
} as const;
export type ToolName = (typeof ToolName)[keyof typeof ToolName];

/** The tools that complete a plan once the segment is known; called together in one turn. */
export const PLAN_COMPLETION_TOOLS: readonly ToolName[] = [ToolName.forecastImpact, ToolName.generateCopy, ToolName.scheduleSend];

/** The name of the message in which the planner's guardrails report a blocked plan to the model. */
export const GUARDRAIL_FEEDBACK_NAME = 'guardrails';

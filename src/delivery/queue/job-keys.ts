// The identity of a send job: `${campaign}:${customer}:${step}`, used as the pg-boss singleton key so
// the queue holds at most one waiting or running job per send.

export function sendJobKey({ campaignId, customerId, step }: { campaignId: string; customerId: string; step: number }): string {
  return `${campaignId}:${customerId}:${step}`;
}

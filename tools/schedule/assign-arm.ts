// Splits a campaign's recipients into arms: a holdout that receives nothing (kept back to measure
// the campaign's lift) and the copy variants of their channel (A/B). The split hashes the campaign
// and the customer together, so it is stable across re-runs of one campaign and independent
// between campaigns (the same customers are not always the ones held out). Pure.
import { createHash } from 'node:crypto';
import { CodedError, ErrorCode } from '../../src/errors.ts';

/** The variant name recorded on a held-out send, which has no copy. */
export const HOLDOUT_ARM = 'holdout';

export type Arm = { kind: 'holdout' } | { kind: 'variant'; variant: string };

export interface AssignArmOptions {
  campaignId: string;
  customerId: string;
  /** The copy variants of the recipient's channel. */
  variants: readonly string[];
  /** Share of recipients held out, 0 to below 1 (0.05 = 5%). */
  holdoutShare?: number;
  /** Share of the treated recipients per variant (a bandit's allocation); default an even split. */
  weights?: Readonly<Record<string, number>>;
}

const UINT32 = 2 ** 32;

/** Two independent uniform numbers in [0, 1) from the campaign and customer. */
function uniformPair(campaignId: string, customerId: string): [number, number] {
  const digest = createHash('sha256').update(`${campaignId}\u0000${customerId}`).digest();
  return [digest.readUInt32BE(0) / UINT32, digest.readUInt32BE(4) / UINT32];
}

function pickVariant(variants: readonly string[], draw: number, weights?: Readonly<Record<string, number>>): string {
  const sorted = [...variants].sort();
  const raw = sorted.map((variant) => (weights ? Math.max(0, weights[variant] ?? 0) : 1));
  const total = raw.reduce((sum, weight) => sum + weight, 0);
  if (total <= 0) return sorted[Math.floor(draw * sorted.length)]!;
  let cumulative = 0;
  for (let index = 0; index < sorted.length; index += 1) {
    cumulative += raw[index]! / total;
    if (draw < cumulative) return sorted[index]!;
  }
  return sorted[sorted.length - 1]!;
}

/** The recipient's arm, or null when their channel has no copy. */
export function assignArm({ campaignId, customerId, variants, holdoutShare = 0, weights }: AssignArmOptions): Arm | null {
  if (!Number.isFinite(holdoutShare) || holdoutShare < 0 || holdoutShare >= 1) {
    throw new CodedError(ErrorCode.InvalidInput, `holdoutShare must be from 0 up to 1, got ${holdoutShare}`);
  }
  if (variants.length === 0) return null;
  const [holdoutDraw, variantDraw] = uniformPair(campaignId, customerId);
  if (holdoutDraw < holdoutShare) return { kind: 'holdout' };
  return { kind: 'variant', variant: pickVariant(variants, variantDraw, weights) };
}

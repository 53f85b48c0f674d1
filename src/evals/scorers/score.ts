// What every scorer returns: a named score from 0 to 1, whether it passes, and why. A skipped score
// (a judge with no model configured) is reported as skipped and never counted as a pass.

export interface Score {
  /** Metric name, e.g. `brief.objective`, `safety.consent`, `trajectory.strict`. */
  key: string;
  score: number;
  pass: boolean;
  reason: string;
  /** Not run (no judge model, or a replay): excluded from pass rates and metrics. */
  skipped?: boolean;
  /** Judge scores inform; they do not decide whether a case passes. */
  advisory?: boolean;
}

export function passed(key: string, reason: string): Score {
  return { key, score: 1, pass: true, reason };
}

export function failed(key: string, reason: string, score = 0): Score {
  return { key, score, pass: false, reason };
}

export function skipped(key: string, reason: string): Score {
  return { key, score: 0, pass: false, reason, skipped: true };
}

/** A score from a count of satisfied checks: passes only when all are satisfied. */
export function fraction(key: string, satisfied: number, total: number, problems: readonly string[], okReason: string): Score {
  const score = total === 0 ? 1 : satisfied / total;
  return problems.length === 0 ? { key, score: 1, pass: true, reason: okReason } : { key, score, pass: false, reason: problems.join('; ') };
}

/** Compact JSON for reasons. */
export function show(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

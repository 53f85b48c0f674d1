// A small seeded random source (mulberry32) and the samplers the forecast needs, so the same
// seed always gives the same forecast.

export interface SeededRandom {
  /** A uniform number in the open interval (0, 1). */
  uniform(): number;
  /** A standard normal draw (Box–Muller). */
  normal(): number;
}

/** Mulberry32: a 32-bit state generator, fast and good enough for Monte Carlo summaries. */
export function createSeededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const nextUint32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const uniform = (): number => (nextUint32() + 0.5) / 4294967296;
  const normal = (): number => {
    const radius = Math.sqrt(-2 * Math.log(uniform()));
    return radius * Math.cos(2 * Math.PI * uniform());
  };
  return { uniform, normal };
}

/** Below this variance (n·p·(1−p)) binomial draws are exact; above it the normal approximation is used. */
const EXACT_BINOMIAL_VARIANCE_LIMIT = 25;

/**
 * One Binomial(trials, probability) draw. Exact inversion for small counts, a normal
 * approximation with continuity correction (clamped to [0, trials]) for large ones.
 */
export function sampleBinomial(random: SeededRandom, trials: number, probability: number): number {
  const n = Math.max(0, Math.round(trials));
  if (n === 0 || probability <= 0) return 0;
  if (probability >= 1) return n;
  if (probability > 0.5) return n - sampleBinomial(random, n, 1 - probability);
  const variance = n * probability * (1 - probability);
  if (variance >= EXACT_BINOMIAL_VARIANCE_LIMIT) {
    const draw = Math.round(n * probability + Math.sqrt(variance) * random.normal());
    return Math.min(n, Math.max(0, draw));
  }
  // Inversion: walk the probability mass function until the uniform draw is used up.
  const ratio = probability / (1 - probability);
  let mass = Math.pow(1 - probability, n);
  let remaining = random.uniform();
  let count = 0;
  while (remaining > mass && count < n) {
    remaining -= mass;
    mass *= (ratio * (n - count)) / (count + 1);
    count += 1;
  }
  return count;
}

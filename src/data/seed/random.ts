// Seeded randomness for the demo data: a small fast generator (sfc32) whose state is derived from a
// seed and any number of stream numbers, so each customer, campaign or table gets its own
// reproducible stream regardless of how the work is chunked, plus the samplers the seeder needs.

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max] (inclusive). */
  int(min: number, max: number): number;
  /** True with probability `probability`. */
  chance(probability: number): boolean;
  /** One element of a non-empty list, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** Standard normal scaled to `mean` and `sd` (Box–Muller). */
  normal(mean?: number, sd?: number): number;
  /** exp(normal(mu, sigma)). */
  logNormal(mu: number, sigma: number): number;
  /** Poisson count with the given mean. */
  poisson(mean: number): number;
  /** Binomial count of successes in `trials` with `probability` each. */
  binomial(trials: number, probability: number): number;
  /** Uniform on a log scale between `min` and `max`. */
  logUniform(min: number, max: number): number;
}

/** Mixes 32-bit words into a well-spread 32-bit state word (a murmur3-style finaliser). */
function mix32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function deriveState(seed: number, streams: readonly number[]): [number, number, number, number] {
  let h = mix32(Math.floor(seed) ^ 0x9e3779b9);
  for (const stream of streams) h = mix32(h ^ mix32(Math.floor(stream) + 0x7f4a7c15));
  return [mix32(h ^ 0x243f6a88), mix32(h ^ 0x85a308d3), mix32(h ^ 0x13198a2e), mix32(h ^ 0x03707344)];
}

/** A generator for `seed` and the given stream numbers; the same arguments always give the same draws. */
export function createRandom(seed: number, ...streams: number[]): Random {
  let [a, b, c, d] = deriveState(seed, streams);
  const nextUint32 = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) nextUint32();

  const next = (): number => nextUint32() / 4294967296;
  const normal = (mean = 0, sd = 1): number => {
    const u = 1 - next();
    const v = next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const poisson = (mean: number): number => {
    if (!(mean > 0)) return 0;
    if (mean > 40) return Math.max(0, Math.round(normal(mean, Math.sqrt(mean))));
    const limit = Math.exp(-mean);
    let count = 0;
    let product = next();
    while (product > limit) {
      count++;
      product *= next();
    }
    return count;
  };
  const binomial = (trials: number, probability: number): number => {
    const n = Math.max(0, Math.round(trials));
    if (n === 0 || probability <= 0) return 0;
    if (probability >= 1) return n;
    if (probability > 0.5) return n - binomial(n, 1 - probability);
    const variance = n * probability * (1 - probability);
    if (variance > 30) {
      const draw = Math.round(normal(n * probability, Math.sqrt(variance)));
      return Math.min(n, Math.max(0, draw));
    }
    // Waiting times between successes are geometric: exact, and cheap while n·p is small.
    const logFail = Math.log(1 - probability);
    let successes = 0;
    let position = 0;
    for (;;) {
      position += Math.floor(Math.log(1 - next()) / logFail) + 1;
      if (position > n) return successes;
      successes++;
    }
  };

  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    normal,
    logNormal: (mu, sigma) => Math.exp(normal(mu, sigma)),
    poisson,
    binomial,
    logUniform: (min, max) => Math.exp(Math.log(min) + next() * (Math.log(max) - Math.log(min))),
  };
}

/** Picks indices in proportion to fixed weights (cumulative table, binary search). */
export interface WeightedPicker {
  readonly size: number;
  pick(random: Random): number;
}

export function createWeightedPicker(weights: readonly number[]): WeightedPicker {
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  weights.forEach((weight, index) => {
    total += Math.max(0, weight);
    cumulative[index] = total;
  });
  if (!(total > 0)) throw new Error('createWeightedPicker needs at least one positive weight');
  return {
    size: weights.length,
    pick(random) {
      return searchCumulative(cumulative, random.next() * total);
    },
  };
}

/** The first index whose cumulative weight exceeds `target`. */
export function searchCumulative(cumulative: Float64Array, target: number): number {
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((cumulative[middle] as number) > target) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** One of `items` chosen in proportion to `weightOf(item)`; for small lists used once. */
export function pickWeighted<T>(random: Random, items: readonly T[], weightOf: (item: T) => number): T {
  let total = 0;
  for (const item of items) total += Math.max(0, weightOf(item));
  let target = random.next() * total;
  for (const item of items) {
    target -= Math.max(0, weightOf(item));
    if (target < 0) return item;
  }
  return items[items.length - 1] as T;
}

/**
 * A bijection on [0, modulus) that scatters consecutive indices: unique, plausible-looking numbers
 * (phone numbers) without remembering which ones were used. `modulus` must have no prime factor
 * other than 2 and 5.
 */
export function scrambleIndex(index: number, modulus: number): number {
  // 7,368,787 is odd and not a multiple of 5, so it is invertible modulo 2^a·5^b.
  return Number((BigInt(index) * 7_368_787n + 1_234_567n) % BigInt(modulus));
}

/** `scrambleIndex` over `digits` decimal digits, zero-padded. */
export function scrambledDigits(index: number, digits: number): string {
  return String(scrambleIndex(index, 10 ** digits)).padStart(digits, '0');
}

// Seeded draws from Beta beliefs about conversion rates: a small deterministic uniform generator
// (mulberry32), Gamma by Marsaglia and Tsang, and Beta as a ratio of Gammas. Shared by the bandit's
// allocation and the arm comparison, so both read the same evidence the same way.

/** mulberry32: a small deterministic generator of uniforms in [0, 1). */
export function seededUniforms(seed: number): () => number {
  let state = seed >>> 0;
  return function nextUniform() {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function standardNormal(random: () => number): number {
  const u = Math.max(random(), Number.MIN_VALUE);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** Gamma(shape, 1) by Marsaglia and Tsang (shape >= 1, which Beta(1 + x, 1 + y) always gives). */
function gamma(shape: number, random: () => number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = standardNormal(random);
    const v = (1 + c * x) ** 3;
    if (v <= 0) continue;
    const u = random();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

function beta(alpha: number, betaShape: number, random: () => number): number {
  const x = gamma(alpha, random);
  return x / (x + gamma(betaShape, random));
}

/** One draw of a conversion rate after `converted` of `customers`, from a uniform Beta(1, 1) prior. */
export function drawConversionRate(converted: number, customers: number, random: () => number): number {
  return beta(1 + converted, 1 + Math.max(0, customers - converted), random);
}

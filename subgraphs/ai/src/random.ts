// Seeded randomness shared by the models' synthetic data and training: one PRNG and the draws built
// on it, so the same seed gives the same rows on every platform. Changing a draw here changes every
// generated data set (and so what retraining produces): keep each draw's number of `next()` calls.

/** Seeded PRNG (mulberry32): small, fast and identical on every platform, unlike Math.random. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Draw {
  constructor(readonly next: () => number) {}

  uniform(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  integer(min: number, max: number): number {
    return Math.floor(this.uniform(min, max + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  normal(): number {
    // Box–Muller; 1 - next() keeps the logarithm's argument above zero.
    return Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next());
  }

  /** A positive value whose median is `median` and whose spread is `sigma` in log space. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  poisson(mean: number): number {
    // Knuth's method: fine for the small means used here.
    const limit = Math.exp(-mean);
    let count = 0;
    for (let product = this.next(); product > limit; product *= this.next()) count += 1;
    return count;
  }

  /** Successes in `trials` independent chances; one draw per trial, fine for the small counts used here. */
  binomial(trials: number, probability: number): number {
    let count = 0;
    for (let trial = 0; trial < trials; trial += 1) if (this.chance(probability)) count += 1;
    return count;
  }

  pick<T>(weighted: readonly (readonly [T, number])[]): T {
    const total = weighted.reduce((sum, [, weight]) => sum + weight, 0);
    let point = this.next() * total;
    for (const [value, weight] of weighted) {
      point -= weight;
      if (point < 0) return value;
    }
    return weighted[weighted.length - 1]![0];
  }
}

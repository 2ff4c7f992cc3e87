/**
 * A small seeded pseudo-random generator for the demo data (mulberry32), so the same seed always gives
 * byte-identical content in Node, the browser and workers. Each part of the demo draws from its own stream
 * (seed + stream name), so adding draws to one part never shifts the numbers of another.
 * Not for anything security-related.
 */

export interface DemoRandom {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  uniform(min: number, max: number): number;
  /** Standard normal (mean 0, standard deviation 1), Box–Muller. */
  normal(): number;
  /** exp(σ·N(0,1)): a positive multiplicative factor around 1, e.g. σ = 0.1 → mostly 0,82 … 1,22. */
  factor(sigma: number): number;
}

/** FNV-1a hash of a text to 32 bits: turns a stream name into a number. */
function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A generator for one stream of one seed.
 * @example createDemoRandom(1, 'population').next() // the same number on every call with these arguments
 */
export function createDemoRandom(seed: number, stream: string): DemoRandom {
  let state = (Math.imul(seed >>> 0, 0x9e3779b1) ^ hashText(stream)) >>> 0;
  const next = (): number => {
    // mulberry32 (Tommy Ettinger), public domain.
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (): number => {
    // 1 − next() is in (0, 1], so the logarithm is finite.
    const radius = Math.sqrt(-2 * Math.log(1 - next()));
    return radius * Math.cos(2 * Math.PI * next());
  };
  return {
    next,
    uniform: (min, max) => min + (max - min) * next(),
    normal,
    factor: (sigma) => Math.exp(sigma * normal()),
  };
}

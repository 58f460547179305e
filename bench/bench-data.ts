// Deterministic simulated studies for the benchmarks (LCG + Box–Muller): true effect 0.3,
// tau² = 0.05, vi uniform on [0.01, 0.21]. Not part of the library.

/** A seeded uniform generator on (0, 1). */
export function uniforms(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (1664525 * s + 1013904223) >>> 0) + 0.5) / 2 ** 32;
}

/** k studies from the random-effects model, in Float64Arrays. */
export function simulateStudies(k: number, seed = 42): { yi: Float64Array; vi: Float64Array } {
  const u = uniforms(seed);
  const norm = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  const vi = new Float64Array(k);
  const yi = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    vi[i] = 0.01 + 0.2 * u();
    yi[i] = 0.3 + Math.sqrt(0.05) * norm() + Math.sqrt(vi[i]!) * norm();
  }
  return { yi, vi };
}

/** Milliseconds per call: the median of `repeats` timings, each at least `minMs` long. */
export function timeMs(f: () => void, minMs = 200, repeats = 5): number {
  const times: number[] = [];
  for (let r = 0; r < repeats; r++) {
    let n = 0;
    const start = performance.now();
    do {
      f();
      n++;
    } while (performance.now() - start < minMs);
    times.push((performance.now() - start) / n);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1]!;
}

/**
 * CPU milliseconds of this process per call (user + system, all its threads: the collector's
 * helpers included): the median of `repeats` timings, each at least `minMs` of CPU long. On a
 * machine shared with other jobs the wall clock also counts the time this process waited for
 * a core; CPU time does not, so ratios of CPU times move less with the load.
 */
export function cpuMs(f: () => void, minMs = 200, repeats = 5): number {
  const times: number[] = [];
  for (let r = 0; r < repeats; r++) {
    let n = 0;
    const start = process.cpuUsage();
    let used = 0;
    do {
      f();
      n++;
      const d = process.cpuUsage(start);
      used = (d.user + d.system) / 1000;
    } while (used < minMs);
    times.push(used / n);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1]!;
}

/**
 * One optimised pass over the data, the unit of the large-k goals: the weighted sums
 * Σwᵢ, Σwᵢyᵢ, Σwᵢyᵢ² at one τ² (wᵢ = 1/(vᵢ + τ²)), one division and a few multiply-adds per study.
 */
export function onePass(yi: Float64Array, vi: Float64Array, tau2: number): number {
  let s = 0, sy = 0, syy = 0;
  for (let i = 0; i < yi.length; i++) {
    const w = 1 / (vi[i]! + tau2);
    const wy = w * yi[i]!;
    s += w;
    sy += wy;
    syy += wy * yi[i]!;
  }
  return s + sy + syy;
}

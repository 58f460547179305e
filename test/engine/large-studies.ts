// Simulated studies with three moderators for the large-k tests of the design model (a seeded
// LCG and Box–Muller): yᵢ = 0.3 + 0.5·x₁ + uᵢ + εᵢ, τ² = 0.05, vᵢ uniform on [0.01, 0.21] or,
// with `spreadV`, log-uniform over four decades.
export function largeStudies(k: number, spreadV: boolean, seed = 12345) {
  let s = seed;
  const u = () => ((s = (1664525 * s + 1013904223) >>> 0) + 0.5) / 2 ** 32;
  const norm = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  const vi = Float64Array.from({ length: k }, () => (spreadV ? 10 ** (-3 + 4 * u()) : 0.01 + 0.2 * u()));
  const mods = [0, 1, 2].map(() => Float64Array.from({ length: k }, () => u()));
  const yi = Float64Array.from(vi, (v, i) => 0.3 + 0.5 * mods[0]![i]! + Math.sqrt(0.05) * norm() + Math.sqrt(v) * norm());
  return { yi, vi, mods };
}

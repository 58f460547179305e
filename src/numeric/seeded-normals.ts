/**
 * A reproducible stream of standard normal deviates: uniforms from the xoshiro128** generator
 * (Blackman & Vigna, 2021, ACM Trans Math Softw 47:36), seeded through splitmix32, turned into
 * pairs of normals by the Box–Muller transform (Box & Muller, 1958, Ann Math Stat 29:610).
 * For Monte Carlo bands in plots, where the same seed must give the same picture; not for
 * cryptography. Each call of the returned function gives the next deviate.
 *
 * @param seed any integer (taken modulo 2³²)
 * @example
 * const next = seededNormals(1);
 * const a = next(); seededNormals(1)() === a // => true
 */
export function seededNormals(seed: number): () => number {
  const uniform = seededUniforms(seed);
  let spare = NaN;
  return () => {
    if (!Number.isNaN(spare)) {
      const s = spare;
      spare = NaN;
      return s;
    }
    const u1 = 1 - uniform(); // (0, 1]: log(u1) is finite
    const u2 = uniform();
    const r = Math.sqrt(-2 * Math.log(u1));
    spare = r * Math.sin(2 * Math.PI * u2);
    return r * Math.cos(2 * Math.PI * u2);
  };
}

/**
 * Uniform deviates in [0, 1) with 53 random bits, from xoshiro128** (Blackman & Vigna, 2018)
 * seeded by splitmix32: the same sequence for the same seed on every platform.
 *
 * @example
 * const u = seededUniforms(1);
 * u() < 1 // => true
 */
export function seededUniforms(seed: number): () => number {
  let x = seed >>> 0;
  const splitmix = () => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  const s = Uint32Array.from([splitmix(), splitmix(), splitmix(), splitmix()]);
  const next32 = () => {
    const result = Math.imul(rotl(Math.imul(s[1]!, 5), 7), 9) >>> 0;
    const t = s[1]! << 9;
    s[2]! ^= s[0]!;
    s[3]! ^= s[1]!;
    s[1]! ^= s[2]!;
    s[0]! ^= s[3]!;
    s[2]! ^= t;
    s[3] = rotl(s[3]!, 11);
    return result;
  };
  return () => ((next32() >>> 5) * 67108864 + (next32() >>> 6)) / 9007199254740992;
}

function rotl(v: number, k: number): number {
  return ((v << k) | (v >>> (32 - k))) >>> 0;
}

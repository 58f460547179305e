import { describe, expect, it } from 'vitest';
import { interceptModel } from '../../src/models/engine/intercept-model.ts';
import { generalizedQRoot, generalizedQRoots } from '../../src/models/tau2/generalized-q-root.ts';
import { interceptMoments } from '../../src/models/engine/binned-intercept-sums.ts';
import { metaAnalysis } from '../../src/index.ts';

// The intercept model sums in one pass about the previous fit's mean (falling back to a second
// pass when that shift would cost digits), and qPair evaluates Q at two points in one pass.
// Expectations: the textbook two-pass sums computed here, term by term.

function direct(y: ArrayLike<number>, v: ArrayLike<number>, tau2: number) {
  const a = Array.from(v, (x) => 1 / (x + tau2));
  const sumW = a.reduce((s, x) => s + x, 0);
  const mean = a.reduce((s, x, i) => s + x * y[i]!, 0) / sumW;
  const r = Array.from(y, (x) => x - mean);
  const rss = a.reduce((s, x, i) => s + x * r[i]! * r[i]!, 0);
  const rss2 = a.reduce((s, x, i) => s + x * x * r[i]! * r[i]!, 0);
  const trP = a.reduce((s, x) => s + x * (1 - x / sumW), 0);
  const sumW2 = a.reduce((s, x) => s + x * x, 0);
  const trPP = a.reduce((s, x) => s + x * x * (1 - (2 * x) / sumW), 0) + (sumW2 / sumW) ** 2;
  return { mean, rss, rss2, trP, trPP, sumW };
}

function rel(x: number, y: number): number {
  return Math.abs(x - y) / Math.max(Math.abs(y), 1e-300);
}

// a deterministic data set of k studies: effects spread around `centre`, variances on [0.01, 1]
function studies(k: number, centre: number) {
  const y = new Float64Array(k);
  const v = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    y[i] = centre + Math.sin(1.7 * i + 0.3) * (1 + (i % 5));
    v[i] = 0.01 + ((i * 37) % 100) / 100;
  }
  return { y, v };
}

describe('interceptModel: one pass about the last mean', () => {
  const cases = [
    { name: 'k = 7, centred', ...studies(7, 0) },
    { name: 'k = 300, far from 0', ...studies(300, 1e3) },
    { name: 'k = 5000', ...studies(5000, -2) },
  ];
  for (const c of cases) {
    it(`${c.name}: every sum equals the two-pass value, whatever was fitted before`, () => {
      const model = interceptModel(c.y, c.v);
      // jumps that move the mean far (second pass needed) and near (one pass enough)
      for (const tau2 of [0, 100, 1e-6, 0.5, 0.5000001, 1e4, 0, 0.2]) {
        const fit = model.fitTau2(tau2)!;
        const d = direct(c.y, c.v, tau2);
        expect(rel(fit.coef[0]!, d.mean)).toBeLessThan(1e-12);
        expect(rel(fit.rss, d.rss)).toBeLessThan(1e-11);
        expect(rel(fit.rss2, d.rss2)).toBeLessThan(1e-11);
        expect(rel(fit.trP, d.trP)).toBeLessThan(1e-12);
        expect(rel(fit.trPP, d.trPP)).toBeLessThan(1e-10);
        expect(rel(fit.sumW, d.sumW)).toBeLessThan(1e-13);
      }
    });
  }

  it('one dominant weight far from the others: rss is not lost to cancellation', () => {
    // 999 imprecise studies at 0 and one precise study at 1: μ̂ ≈ 1 while the last mean may be 0
    const k = 1000;
    const y = new Float64Array(k);
    const v = new Float64Array(k).fill(1e6);
    y[k - 1] = 1;
    v[k - 1] = 1e-6;
    const model = interceptModel(y, v);
    model.fitTau2(1e7); // mean near 1e-3: the next fit's shift is large
    const fit = model.fitTau2(0)!;
    // exact: a = 1e-6 (×999) and 1e6; μ = 1e6/(1e6 + 999e-6); rss = Σa(y − μ)²
    const s = 1e6 + 999e-6;
    const mu = 1e6 / s;
    const rss = 999e-6 * mu * mu + 1e6 * (1 - mu) ** 2;
    expect(rel(fit.rss, rss)).toBeLessThan(1e-9);
  });
});

describe('qPair and generalizedQRoots', () => {
  const { y, v } = studies(400, 3);

  it('qPair gives Q and yᵀPPy at both points, and their means', () => {
    const model = interceptModel(y, v);
    const out = Float64Array.of(NaN, NaN, NaN, NaN, 3, 3);
    for (const [t1, t2] of [[0.1, 2], [0.1000001, 2.0000001], [50, 1e-3]] as const) {
      model.qPair!(t1, t2, out);
      const d1 = direct(y, v, t1);
      const d2 = direct(y, v, t2);
      expect(rel(out[0]!, d1.rss)).toBeLessThan(1e-11);
      expect(rel(out[1]!, d1.rss2)).toBeLessThan(1e-11);
      expect(rel(out[2]!, d2.rss)).toBeLessThan(1e-11);
      expect(rel(out[3]!, d2.rss2)).toBeLessThan(1e-11);
      expect(rel(out[4]!, d1.mean)).toBeLessThan(1e-12);
      expect(rel(out[5]!, d2.mean)).toBeLessThan(1e-12);
    }
  });

  it('the two roots found together are those found one at a time, and Q equals each target there', () => {
    const df = 399;
    const [low, high] = generalizedQRoots(interceptModel(y, v), 1.2 * df, 0.8 * df);
    const lowAlone = generalizedQRoot(interceptModel(y, v), 1.2 * df);
    const highAlone = generalizedQRoot(interceptModel(y, v), 0.8 * df);
    expect(rel(low.tau2, lowAlone.tau2)).toBeLessThan(1e-12);
    expect(rel(high.tau2, highAlone.tau2)).toBeLessThan(1e-12);
    expect(rel(direct(y, v, low.tau2).rss, 1.2 * df)).toBeLessThan(1e-12);
    expect(rel(direct(y, v, high.tau2).rss, 0.8 * df)).toBeLessThan(1e-12);
  });

  it('a target above Q(0) gives 0 for that bound while the other is searched', () => {
    const model = interceptModel(y, v);
    const q0 = direct(y, v, 0).rss;
    const [low, high] = generalizedQRoots(model, 2 * q0, 0.5 * q0);
    expect(low.tau2).toBe(0);
    expect(rel(direct(y, v, high.tau2).rss, 0.5 * q0)).toBeLessThan(1e-12);
  });
});

describe('qPair with variances whose product leaves the normal range', () => {
  it('falls back to two divisions and still gives the direct values', () => {
    const y = Float64Array.of(0.5, -1, 2, 0.25, 1);
    const v = Float64Array.of(1e-200, 1e200, 3, 1e160, 1e-170);
    const model = interceptModel(y, v);
    const out = Float64Array.of(NaN, NaN, NaN, NaN, 0, 0);
    model.qPair!(0, 1e-180, out);
    const d1 = direct(y, v, 0);
    const d2 = direct(y, v, 1e-180);
    expect(rel(out[0]!, d1.rss)).toBeLessThan(1e-12);
    expect(rel(out[2]!, d2.rss)).toBeLessThan(1e-12);
  });
});

describe('interceptMoments', () => {
  // direct sums over the studies at one τ², term by term
  function directSums(y: Float64Array, v: Float64Array, t: number) {
    let s1 = 0, s2 = 0, sy = 0, syy = 0, s2y = 0, s2yy = 0;
    for (let i = 0; i < y.length; i++) {
      const a = 1 / (v[i]! + t);
      s1 += a; s2 += a * a; sy += a * y[i]!; syy += a * y[i]! ** 2; s2y += a * a * y[i]!; s2yy += a * a * y[i]! ** 2;
    }
    const mu = sy / s1;
    return { sumW: s1, sumW2: s2, rss: syy - mu * sy, rss2: s2yy - 2 * mu * s2y + mu * mu * s2, trP: s1 - s2 / s1 };
  }

  it('agrees with the direct sums within 1e-9 over the grid, zero variances included', () => {
    const k = 50_000;
    const y = new Float64Array(k);
    const v = new Float64Array(k);
    for (let i = 0; i < k; i++) {
      y[i] = Math.sin(0.91 * i) * (1 + (i % 3));
      v[i] = i % 997 === 0 ? 0 : 0.01 + 0.2 * (((i * 7919) % 10007) / 10007);
    }
    const grid = [1e-4, 1e-3, 0.03, 0.5, 7, 300];
    const moments = interceptMoments(y, v)!;
    const binned = grid.map((t) => moments.sums(t));
    expect(moments).not.toBeNull();
    grid.forEach((t, j) => {
      const d = directSums(y, v, t);
      for (const key of ['sumW', 'sumW2', 'rss', 'rss2', 'trP'] as const) expect(rel(binned[j]![key], d[key])).toBeLessThan(1e-9);
    });
  });

  it('declines when the variances span too many binades for binning to pay', () => {
    const k = 1000;
    const v = Float64Array.from({ length: k }, (_, i) => 10 ** (-100 + (200 * i) / k));
    expect(interceptMoments(new Float64Array(k), v)).toBeNull();
  });
});

describe('the remembered fit at tau² = 0', () => {
  it('gives the same sums and traces as a fresh model, after fits elsewhere', () => {
    const { y, v } = studies(50, 1);
    const model = interceptModel(y, v);
    model.fitTau2(0);
    model.fitTau2(0.7);
    const again = model.fitTau2(0)!;
    const d = direct(y, v, 0);
    expect(rel(again.rss, d.rss)).toBeLessThan(1e-12);
    expect(rel(again.coef[0]!, d.mean)).toBeLessThan(1e-12);
    // tr(P·diag(v)) at τ² = 0 is Σ aᵢvᵢ(1 − hᵢ) = Σ(1 − hᵢ) = k − 1: the weights must be 1/vᵢ again
    expect(again.traceDiagonal(v)).toBeCloseTo(49, 10);
    // the latest fit at τ² ≠ 0 is remembered too: asked again after the fit at 0, its traces use its weights
    model.fitTau2(0.7);
    model.fitTau2(0);
    const latest = model.fitTau2(0.7)!;
    const d7 = direct(y, v, 0.7);
    expect(rel(latest.rss, d7.rss)).toBeLessThan(1e-12);
    const w7 = Array.from(v, (x) => 1 / (x + 0.7));
    const s7 = w7.reduce((a, b) => a + b, 0);
    const trPV = w7.reduce((acc, w, i) => acc + w * v[i]! * (1 - w / s7), 0);
    expect(rel(latest.traceDiagonal(v), trPV)).toBeLessThan(1e-12);
    model.fitTau2(0);
    // and fitWeights on the model's own weights sees them too
    expect(rel(model.fitWeights(Array.from(v, (x) => 1 / x))!.rss, d.rss)).toBeLessThan(1e-12);
  });
});

describe('approximate sums of the intercept model (k ≥ 20,000)', () => {
  it('agree with exact fits within 1e-9 at any τ², tr PP included', () => {
    const k = 30_000;
    const y = new Float64Array(k);
    const v = new Float64Array(k);
    for (let i = 0; i < k; i++) {
      y[i] = Math.cos(1.3 * i) * (1 + (i % 4));
      v[i] = 0.02 + 0.5 * (((i * 7919) % 10007) / 10007);
    }
    const model = interceptModel(y, v);
    for (const t of [1e-3, 0.2, 5]) {
      const approx = model.approximateSums!(t)!;
      const d = direct(y, v, t);
      expect(rel(approx.rss, d.rss)).toBeLessThan(1e-9);
      expect(rel(approx.rss2, d.rss2)).toBeLessThan(1e-9);
      expect(rel(approx.trP, d.trP)).toBeLessThan(1e-9);
      expect(rel(approx.trPP, d.trPP)).toBeLessThan(1e-9);
    }
    expect(interceptModel(y.subarray(0, 100), v.subarray(0, 100)).approximateSums!(0.2)).toBeNull();
  });
});

describe('generalizedQRoots from a start near the roots', () => {
  it('finds the same roots as from τ² = 0, and 0 where Q(0) is below the target', () => {
    const { y, v } = studies(2000, -1);
    const q0 = direct(y, v, 0).rss;
    const targets: [number, number][] = [[0.9 * q0, 0.6 * q0], [1.5 * q0, 0.95 * q0]];
    for (const [low, high] of targets) {
      const fromZero = generalizedQRoots(interceptModel(y, v), low, high);
      for (const start of [1e-3, 0.3, 40]) {
        const warm = generalizedQRoots(interceptModel(y, v), low, high, start);
        expect(warm[0].tau2 === 0 ? fromZero[0].tau2 : rel(warm[0].tau2, fromZero[0].tau2)).toBeLessThan(1e-12);
        expect(rel(warm[1].tau2, fromZero[1].tau2)).toBeLessThan(1e-12);
        if (warm[0].tau2 > 0) expect(rel(direct(y, v, warm[0].tau2).rss, low)).toBeLessThan(1e-12);
        expect(rel(direct(y, v, warm[1].tau2).rss, high)).toBeLessThan(1e-12);
      }
      if (low > q0) expect(fromZero[0].tau2).toBe(0);
    }
  });
});

// Counterexample of the seeded evidence fuzz (arm mean 3.3e78, SMD with assumed SDs): one study's
// weight exceeds the other's by 1e154, and the shifted one-pass mean was an ulp off, which that
// weight turned into Q = 2.45e124 (and I² NaN). The fallback now takes the mean from the data.
describe('a weight 1e154 times the other (fuzz counterexample)', () => {
  it('Q is (y₁ − y₂)²/(v₁ + v₂) and I² is a number', () => {
    const yi = [-8.187737150746333e77, 0.7936702046077826];
    const vi = [3.351951982485584e153, 0.107873904921027];
    const fit = metaAnalysis({ yi, vi });
    expect(rel(fit.q, (yi[0]! - yi[1]!) ** 2 / (vi[0]! + vi[1]!))).toBeLessThan(1e-12);
    expect(Number.isFinite(fit.i2)).toBe(true);
    expect(JSON.parse(JSON.stringify(fit)).i2).toBe(fit.i2);
  });
});

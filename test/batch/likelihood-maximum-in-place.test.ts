// The batch kernel's likelihood maximizer against the engine's, step for step, where Fisher
// scoring is cut short: since scoring brackets and Newton steps converge on the benchmark's data,
// the "did not converge" branch is reached here with maxIterations = 2 (the public API sends any
// user control to metafor's path, which the kernel does not take).
import { describe, expect, it } from 'vitest';
import { BatchWorkspace } from '../../src/models/batch/batch-workspace.ts';
import { LikelihoodMaximumInPlace } from '../../src/models/batch/likelihood-maximum-in-place.ts';
import { interceptModel } from '../../src/models/engine/intercept-model.ts';
import { ML_EQUATION, REML_EQUATION } from '../../src/models/tau2/fisher-scoring.ts';
import { maximizeLikelihood, scoringNotConvergedWarning } from '../../src/models/tau2/likelihood-maximum.ts';
import { DEFAULT_TAU2_CONTROL } from '../../src/models/tau2/tau2-fit.ts';

/** Seeded random-effects data as the benchmark: vᵢ uniform on [0.01, 0.21], τ² = 0.05. */
function simulated(k: number, seed: number): { yi: Float64Array; vi: Float64Array } {
  let s = seed >>> 0;
  const u = () => ((s = (1664525 * s + 1013904223) >>> 0) + 0.5) / 2 ** 32;
  const norm = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
  const vi = Float64Array.from({ length: k }, () => 0.01 + 0.2 * u());
  return { yi: vi.map((v) => 0.3 + Math.sqrt(0.05) * norm() + Math.sqrt(v) * norm()), vi };
}

describe.each([
  ['REML', REML_EQUATION, true],
  ['ML', ML_EQUATION, false],
] as const)('%s: LikelihoodMaximumInPlace equals maximizeLikelihood', (name, equation, restricted) => {
  it.each([2, 1000])('maxIterations = %i', (maxIterations) => {
    const control = { ...DEFAULT_TAU2_CONTROL, maxIterations };
    const ws = new BatchWorkspace(10, { method: name, test: 'z', level: 0.95, control });
    const kernel = new LikelihoodMaximumInPlace();
    let warned = 0;
    for (let seed = 1; seed <= 100; seed++) {
      const d = simulated(10, seed);
      expect(ws.load(d.yi, d.vi, 0)).toBe(true);
      const tau2 = kernel.find(ws, equation, restricted, control);
      const engine = maximizeLikelihood(interceptModel(ws.y.slice(), ws.v.slice(), ws.unit), equation, restricted, control);
      if (Number.isNaN(tau2)) {
        // the kernel hands the analysis to the engine: only where the engine words another warning
        expect(engine.warnings.length).toBeGreaterThan(0);
        continue;
      }
      // the same steps; the two models sum about different centres, so the last bits may differ
      expect(Math.abs(tau2 - engine.tau2)).toBeLessThanOrEqual(1e-12 * Math.max(1, engine.tau2));
      expect(kernel.warning === null ? [] : [kernel.warning]).toEqual(engine.warnings);
      if (kernel.warning === scoringNotConvergedWarning(name, maxIterations)) warned++;
    }
    if (maxIterations === 2) expect(warned).toBeGreaterThan(50);
    else expect(warned).toBe(0);
  });
});

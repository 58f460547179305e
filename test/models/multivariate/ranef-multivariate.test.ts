import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { multivariate } from '../../../src/models/multivariate/multivariate.ts';
import { ranefMultivariate } from '../../../src/models/multivariate/ranef-multivariate.ts';
import { arr, fixtureCall, type MvFixture } from './fixture-call.ts';

const dir = new URL('../../fixtures/metafor-multivariate/', import.meta.url);
interface RanefFixture { label: string[] | string; estimate: number[] | number; se: number[] | number; pi_lb: number[] | number }
type WithRanef = MvFixture & { ranef: Record<string, RanefFixture> };

// predictions come from the iterative fit (1e-5 relative, see multivariate.test.ts), with an absolute
// floor of 1e-6 of the largest |prediction| for effects near 0; boundary fits (ρ = ±1) at 1e-4
const BOUNDARY = new Set(['kalaian-un-reml', 'kalaian-hcs-hrs-ml', 'assink-two-terms']);

describe('ranefMultivariate reproduces metafor 5.1 ranef.rma.mv', () => {
  for (const file of readdirSync(dir).filter((f) => f.startsWith('mv-'))) {
    const f = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as WithRanef;
    it(f.name, () => {
      const tol = BOUNDARY.has(f.name) ? 1e-4 : 1e-5;
      const got = ranefMultivariate(multivariate(...fixtureCall(f)));
      const want = Object.values(f.ranef);
      expect(got.terms.length).toBe(want.length);
      got.terms.forEach((term, t) => {
        const w = want[t]!;
        const labels = arr(w.label).map((l) => l.trim().replace(/\s+/g, ' '));
        const scale = Math.max(...arr(w.estimate).map(Math.abs), ...arr(w.se));
        expect(term.effects.length).toBe(labels.length);
        for (const e of term.effects) {
          const j = labels.indexOf(e.label);
          expect(j, `label ${e.label} in ${labels.slice(0, 5).join(', ')}`).toBeGreaterThanOrEqual(0);
          const floor = 1e-6 * scale;
          expect(Math.abs(e.estimate - arr(w.estimate)[j]!)).toBeLessThanOrEqual(Math.max(tol * Math.abs(arr(w.estimate)[j]!), floor));
          expect(Math.abs(e.se - arr(w.se)[j]!)).toBeLessThanOrEqual(Math.max(tol * arr(w.se)[j]!, floor));
          expect(Math.abs(e.pi.lower! - arr(w.pi_lb)[j]!)).toBeLessThanOrEqual(Math.max(tol * Math.abs(arr(w.pi_lb)[j]!), floor));
        }
      });
    });
  }
});

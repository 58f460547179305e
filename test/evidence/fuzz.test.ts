// Seeded, time-bounded fuzzing of loadEvidence and assessReplication (and the functions and
// reports downstream): mutations of the seed and of a synthetic base with SDs may only ever
// throw the project's InputError, and every success is deeply frozen and survives JSON.
// The wider, unseeded run is `npm run fuzz` (test/fuzz/evidence.fuzz.ts).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { exercise, mutate, mutationOf, pathsOf, SYNTHETIC_BASE } from '../fuzz/evidence-mutations.ts';

const seed = JSON.parse(readFileSync(new URL('../../datasets/conditioned-medium-hair-loss.json', import.meta.url), 'utf8')) as unknown;

describe('fuzzing the evidence layer (seeded, at most ~2.5 s)', () => {
  it.each([
    ['the seed', seed],
    ['a synthetic base with SDs, SEs, a cohort and an ongoing study', SYNTHETIC_BASE],
  ])('mutations of %s throw nothing but InputError', (_name, base) => {
    const paths = pathsOf(base);
    fc.assert(
      fc.property(fc.array(mutationOf(paths), { minLength: 1, maxLength: 4 }), (mutations) => exercise(mutate(base, mutations))),
      { seed: 20261201, numRuns: 5000, interruptAfterTimeLimit: 1200 },
    );
  });
});

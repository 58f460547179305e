// Seeded, time-bounded fuzzing of loadEvidence and assessReplication (and the functions and
// reports downstream): mutations of the seed and of a synthetic base with SDs may only ever
// throw the project's InputError, and every success is deeply frozen and survives JSON.
// The wider, unseeded run is `npm run fuzz` (test/fuzz/evidence.fuzz.ts).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { exercise, mutate, mutationOf, pathsOf } from '../fuzz/evidence-mutations.ts';
import { arm, claim, evidence, study, trial } from './build.ts';

const seed = JSON.parse(readFileSync(new URL('../../datasets/conditioned-medium-hair-loss.json', import.meta.url), 'utf8')) as unknown;
const synthetic = evidence({
  studies: [study({ id: 'A', group: 'Oslo', authors: ['K. Lee'], cohort: 'HUNT' }), study({ id: 'B', group: 'Lyon', n: 80 }), study({ id: 'P', status: 'ongoing', resultsExpected: '2026–2027' })],
  arms: [...trial('A', 4), arm('B', 'drug', 12, { se: 0.5 }), arm('B', 'placebo', 10, { se: 0.6 }), arm('P', 'drug', null, { outcome: null, timepoint: null })],
  claims: [claim('A', { significant: true, pValue: 0.01, direction: 'positive' })],
});

describe('fuzzing the evidence layer (seeded, at most ~2.5 s)', () => {
  it.each([
    ['the seed', seed],
    ['a synthetic base with SDs, SEs, a cohort and an ongoing study', synthetic],
  ])('mutations of %s throw nothing but InputError', (_name, base) => {
    const paths = pathsOf(base);
    fc.assert(
      fc.property(fc.array(mutationOf(paths), { minLength: 1, maxLength: 4 }), (mutations) => exercise(mutate(base, mutations))),
      { seed: 20261201, numRuns: 5000, interruptAfterTimeLimit: 1200 },
    );
  });
});

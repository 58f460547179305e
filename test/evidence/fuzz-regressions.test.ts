// Counterexamples that `npm run fuzz` (test/fuzz/evidence.fuzz.ts) found in the evidence layer
// before it was hardened, each kept as a named regression test. The mutation lists are the
// shrunk counterexamples as printed, applied to the seed data set.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessReplication } from '../../src/evidence/assess-replication.ts';
import { loadEvidence } from '../../src/evidence/load-evidence.ts';
import { comparisonEffects } from '../../src/evidence/comparison-effects.ts';
import { exercise, mutate, SYNTHETIC_BASE, type Mutation } from '../fuzz/evidence-mutations.ts';
import { thrownInputError } from '../input-error.ts';

const seed = JSON.parse(readFileSync(new URL('../../datasets/conditioned-medium-hair-loss.json', import.meta.url), 'utf8')) as unknown;
const cyclicNullProto = (path: (string | number)[]): Mutation[] => [
  { kind: 'set', path, value: Object.create(null) },
  { kind: 'cycle', path },
];

describe('fuzz regressions', () => {
  it('a hole in studies ([, b, c]) was a TypeError ("Iterator value undefined is not an entry object")', () => {
    const input = mutate(seed, [{ kind: 'delete', path: ['studies', 0] }]);
    expect(thrownInputError(() => loadEvidence(input)).message).toBe('studies: entry 1 of 3 is missing (a hole in a sparse array)');
    expect(() => exercise(input)).not.toThrow();
  });

  it('a hole in comparisons or claims gave results with holes, which JSON turned into null', () => {
    for (const path of [['comparisons', 3], ['claims', 0]]) {
      const input = mutate(seed, [{ kind: 'delete', path }]);
      expect(thrownInputError(() => assessReplication(input)).field).toBe(path[0]);
    }
  });

  it('a mean of -0 came back from JSON as 0', () => {
    const input = mutate(seed, [{ kind: 'set', path: ['arms', 0, 'mean'], value: -0 }]);
    expect(Object.is(loadEvidence(input).arms[0]!.mean, 0)).toBe(true);
    expect(() => exercise(input)).not.toThrow();
  });

  it('a cyclic null-prototype object as a value crashed the InputError message ("Cannot convert object to primitive value")', () => {
    for (const path of [['studies', 2, 'year'], ['studies', 1, 'status'], ['sources']]) {
      const input = mutate(seed, cyclicNullProto(path));
      expect(thrownInputError(() => loadEvidence(input)).message).toMatch(/must be (a year from 1 to 9999 or null|"published" or "ongoing"|an array) \(got \[an object that contains itself\]\)$/);
    }
  });
  it('an SE of 1.8e308 with the mean missing gave a derived SD of Infinity, which JSON turned into null (npm run fuzz, seed 12345)', () => {
    const input = mutate(SYNTHETIC_BASE, [{ kind: 'delete', path: ['arms', 2, 'mean'] }, { kind: 'set', path: ['arms', 2, 'se'], value: Number.MAX_VALUE }]);
    const base = loadEvidence(input);
    const e = thrownInputError(() => comparisonEffects(base, base.comparisons[0]!, { assume: { sd: 10, splitStudyN: true, armN: 20 } }));
    expect([e.code, e.field, e.study]).toEqual(['E_NOT_FINITE', 'arms.se', 'B']);
    expect(() => exercise(input)).not.toThrow();
  });
});

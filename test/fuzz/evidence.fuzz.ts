// Wider fuzzing of the evidence layer, outside `npm test`: `npm run fuzz [-- --seconds 60 --seed N]`.
// Mutates the seed data set and a synthetic base with SDs (fields deleted, wrong types, sparse arrays, odd Unicode,
// huge numbers, cycles) and runs every evidence entry point; any throw other than the project's
// InputError is a counterexample: it is printed with its seed and path, to become a named
// regression test in test/evidence/fuzz-regressions.test.ts.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { exercise, mutate, mutationOf, pathsOf, SYNTHETIC_BASE } from './evidence-mutations.ts';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '60' }, seed: { type: 'string' } } });
const seconds = Number(values.seconds);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
const seedBase = JSON.parse(readFileSync(new URL('../../datasets/conditioned-medium-hair-loss.json', import.meta.url), 'utf8')) as unknown;
const bases = [seedBase, SYNTHETIC_BASE];

let failed = false;
for (const base of bases) {
  const paths = pathsOf(base);
  const result = fc.check(
    fc.property(fc.array(mutationOf(paths), { minLength: 1, maxLength: 10 }), (mutations) => exercise(mutate(base, mutations))),
    { seed, numRuns: Number.MAX_SAFE_INTEGER, interruptAfterTimeLimit: (seconds * 1000) / bases.length },
  );
  console.log(`seed ${seed}: ${result.numRuns} runs${result.interrupted ? ' (time limit reached)' : ''}`);
  if (result.failed) {
    failed = true;
    console.log(fc.defaultReportMessage(result));
    console.log(result.errorInstance instanceof Error ? result.errorInstance.stack?.split('\n').slice(0, 6).join('\n') : result.errorInstance);
  }
}
process.exit(failed ? 1 : 0);

// Wider fuzzing of readTable, outside `npm test`: `npm run fuzz:table [-- --seconds 60 --seed N]`.
// Random CSV/TSV texts and options (test/fuzz/table-text.ts); any throw other than the project's
// TableError/InputError, or a malformed table, is a counterexample: it is printed with its seed
// and path, to become a named regression test in test/io/fuzz-regressions.test.ts.
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { exerciseTable, tableOptions, tableText } from './table-text.ts';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '60' }, seed: { type: 'string' } } });
const seconds = Number(values.seconds);
const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);

const result = fc.check(fc.property(tableText, tableOptions, (text, options) => exerciseTable(text, options)), {
  seed, numRuns: Number.MAX_SAFE_INTEGER, interruptAfterTimeLimit: seconds * 1000,
});
console.log(`seed ${seed}: ${result.numRuns} runs${result.interrupted ? ' (time limit reached)' : ''}`);
if (result.failed) {
  console.log(fc.defaultReportMessage(result));
  console.log(result.errorInstance instanceof Error ? result.errorInstance.stack?.split('\n').slice(0, 6).join('\n') : result.errorInstance);
}
process.exit(result.failed ? 1 : 0);

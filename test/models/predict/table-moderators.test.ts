// Moderators by column name with the rows of readTable: the BCG table as shipped in datasets/,
// against metafor 5.1-12 (test/fixtures/metafor-predict/bcg.json, case "ablat + alloc").
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { effectSizes, metaRegression, predict, readTable } from '../../../src/index.ts';
import { TOLERANCES, arrayMismatches } from '../../tolerances.ts';
import { arr, loadFixture } from './fixtures.ts';

const csv = fileURLToPath(new URL('../../../datasets/bcg.csv', import.meta.url));
const want = loadFixture('bcg.json').cases.find((c) => c.name === 'ablat + alloc')!;
const columns = { ai: 'tpos', bi: 'tneg', ci: 'cpos', di: 'cneg' } as const;

describe('moderators named as columns of a table', () => {
  it('readTable → effectSizes → metaRegression({ moderators: names, data: rows }) is metafor’s rma(yi ~ ablat + alloc)', () => {
    const rows = readTable(csv);
    const fit = metaRegression(effectSizes('RR', rows, { columns }), { moderators: ['ablat', 'alloc'], data: rows });
    expect(fit.coefficients.map((c) => c.name)).toEqual(['intercept', 'ablat', 'allocrandom', 'allocsystematic']);
    const problems = arrayMismatches(fit.coefficients.map((c) => c.estimate), arr(want.beta), TOLERANCES.derived, 'beta');
    expect(problems, problems.join('\n')).toEqual([]);
    // new rows from a table predict as the model was coded
    const p = predict(fit, { newmods: rows.slice(0, 3) });
    const fitted = predict(fit).predictions.slice(0, 3);
    p.predictions.forEach((x, i) => expect(x.estimate).toBeCloseTo(fitted[i]!.estimate!, 12));
  });
  it('a missing cell omits the row with a warning that names it', () => {
    const rows = readTable(csv).map((r, i) => (i === 2 ? { ...r, alloc: null } : r));
    const fit = metaRegression(effectSizes('RR', rows, { columns }), { moderators: ['ablat', 'alloc'], data: rows });
    expect(fit.k).toBe(12);
    expect(fit.warnings.join('\n')).toMatch(/Row 3 .*omitted: moderator "alloc" missing/);
  });
});

// Long (arm-level) rows paired into comparisons: equal to the wide computation, nothing dropped
// silently, provenance the weaker of the two arms.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pairArms } from '../../src/effect-sizes/arms.ts';
import { effectSizes } from '../../src/effect-sizes/effect-sizes.ts';
import { InputError } from '../../src/errors.ts';
import type { Measure, Provenance } from '../../src/types.ts';

const arms = { treatment: 'CM', control: 'placebo' };

describe('long rows', () => {
  it('pair into one comparison per study (the documented example, by hand: 16/20 + 25/20 = 2.05)', () => {
    const got = effectSizes(
      'MD',
      [
        { study: 'Lee 2020', arm: 'CM', mean: 12, sd: 4, n: 20 },
        { study: 'Lee 2020', arm: 'placebo', mean: 9, sd: 5, n: 20 },
      ],
      { arms },
    );
    expect(got).toEqual({
      measure: 'MD',
      yi: [3],
      vi: [2.05],
      labels: ['Lee 2020'],
      provenance: [{ kind: 'reported' }],
      provenanceCounts: { reported: 1, derived: 0, imputed: 0, assumed: 0 },
      warnings: [],
    });
  });

  const continuousStudy = fc.record({
    mean: fc.tuple(fc.double({ min: 1, max: 100, noNaN: true }), fc.double({ min: 1, max: 100, noNaN: true })),
    sd: fc.tuple(fc.double({ min: 0.1, max: 30, noNaN: true }), fc.double({ min: 0.1, max: 30, noNaN: true })),
    n: fc.tuple(fc.integer({ min: 2, max: 500 }), fc.integer({ min: 2, max: 500 })),
  });

  for (const measure of ['MD', 'SMD', 'SMDH', 'ROM'] as const) {
    it(`${measure}: equal the wide computation, in any row order`, () => {
      fc.assert(
        fc.property(fc.array(continuousStudy, { minLength: 1, maxLength: 8 }), fc.infiniteStream(fc.nat()), (studies, seeds) => {
          const wide = studies.map((s, i) => ({
            study: `S${i}`,
            m1i: s.mean[0],
            sd1i: s.sd[0],
            n1i: s.n[0],
            m2i: s.mean[1],
            sd2i: s.sd[1],
            n2i: s.n[1],
          }));
          const long = studies.flatMap((s, i) => [
            { study: `S${i}`, arm: 'CM', mean: s.mean[0], sd: s.sd[0], n: s.n[0] },
            { study: `S${i}`, arm: 'placebo', mean: s.mean[1], sd: s.sd[1], n: s.n[1] },
          ]);
          // Shuffle the arm rows.
          const it = seeds[Symbol.iterator]();
          for (let i = long.length - 1; i > 0; i--) {
            const j = it.next().value % (i + 1);
            [long[i], long[j]] = [long[j]!, long[i]!];
          }
          const fromLong = effectSizes(measure, long, { arms });
          const fromWide = effectSizes(measure, wide);
          expect(fromLong.warnings).toEqual([]);
          fromLong.labels.forEach((label, i) => {
            const w = Number(label.slice(1));
            expect(fromLong.yi[i]).toBe(fromWide.yi[w]);
            expect(fromLong.vi[i]).toBe(fromWide.vi[w]);
          });
          expect([...fromLong.labels].sort()).toEqual([...fromWide.labels].sort());
        }),
        { numRuns: 50 },
      );
    });
  }

  const binaryStudy = fc
    .tuple(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 300 }))
    .chain(([n1, n2]) => fc.tuple(fc.integer({ min: 0, max: n1 }), fc.constant(n1), fc.integer({ min: 0, max: n2 }), fc.constant(n2)));

  for (const measure of ['OR', 'RR', 'RD', 'AS', 'PETO'] as const) {
    it(`${measure}: equal the wide computation from events and n`, () => {
      fc.assert(
        fc.property(fc.array(binaryStudy, { minLength: 1, maxLength: 8 }), (studies) => {
          const wide = studies.map(([a, n1, c, n2], i) => ({ study: `S${i}`, ai: a, n1i: n1, ci: c, n2i: n2 }));
          const long = studies.flatMap(([a, n1, c, n2], i) => [
            { study: `S${i}`, arm: 'placebo', events: c, n: n2 },
            { study: `S${i}`, arm: 'CM', events: a, n: n1 },
          ]);
          const fromLong = effectSizes(measure, long, { arms, to: 'all' });
          const fromWide = effectSizes(measure, wide, { to: 'all' });
          expect(fromLong.labels).toEqual(fromWide.labels);
          expect(fromLong.yi).toEqual(fromWide.yi);
          expect(fromLong.vi).toEqual(fromWide.vi);
        }),
        { numRuns: 50 },
      );
    });
  }

  it('pair within study, outcome and time point; labels are the study ids', () => {
    const rows = [
      { study: 'A', arm: 'CM', outcome: 'density', timepoint: '12w', mean: 10, sd: 2, n: 20 },
      { study: 'A', arm: 'placebo', outcome: 'density', timepoint: '12w', mean: 8, sd: 2, n: 20 },
      { study: 'A', arm: 'CM', outcome: 'density', timepoint: '24w', mean: 12, sd: 2, n: 18 },
      { study: 'A', arm: 'placebo', outcome: 'density', timepoint: '24w', mean: 8, sd: 2, n: 19 },
      { study: 'A', arm: 'CM', outcome: 'thickness', timepoint: '12w', mean: 5, sd: 1, n: 20 },
      { study: 'A', arm: 'placebo', outcome: 'thickness', timepoint: '12w', mean: 4, sd: 1, n: 20 },
    ];
    const got = effectSizes('MD', rows, { arms });
    expect(got.labels).toEqual(['A', 'A', 'A']);
    expect(got.yi).toEqual([2, 4, 1]);
    const pairs = pairArms(rows, arms);
    expect(pairs.comparisons.map((c) => [c.outcome, c.timepoint, c.treatmentRow, c.controlRow])).toEqual([
      ['density', '12w', 0, 1],
      ['density', '24w', 2, 3],
      ['thickness', '12w', 4, 5],
    ]);
  });

  it('list unmatched and other arms in warnings, never dropping them silently', () => {
    const rows = [
      { study: 'A', arm: 'CM', mean: 10, sd: 2, n: 20 },
      { study: 'A', arm: 'placebo', mean: 8, sd: 2, n: 20 },
      { study: 'A', arm: 'minoxidil', mean: 9, sd: 2, n: 20 },
      { study: 'B', arm: 'CM', mean: 10, sd: 2, n: 20 },
      { study: 'C', arm: 'placebo', mean: 10, sd: 2, n: 20 },
    ];
    const got = effectSizes('SMD', rows, { arms });
    expect(got.labels).toEqual(['A']);
    expect(got.warnings).toEqual([
      'row 3 (study "A"): arm "minoxidil" is neither the treatment "CM" nor the control "placebo"; not used',
      'row 4 (study "B"): treatment arm "CM" has no control arm "placebo"; not used',
      'row 5 (study "C"): control arm "placebo" has no treatment arm "CM"; not used',
    ]);
  });

  it('take the weaker provenance of the two arms', () => {
    const imputed: Provenance = { kind: 'imputed', method: 'median SD of other trials', sources: ['B', 'C'] };
    const derived: Provenance = { kind: 'derived', formula: 'sd = se * sqrt(n)' };
    const assumed: Provenance = { kind: 'assumed', value: 3 };
    const rows = [
      { study: 'A', arm: 'CM', mean: 10, sd: 2, n: 20, provenance: derived },
      { study: 'A', arm: 'placebo', mean: 8, sd: 2, n: 20, provenance: imputed },
      { study: 'B', arm: 'CM', mean: 10, sd: 2, n: 20 },
      { study: 'B', arm: 'placebo', mean: 8, sd: 2, n: 20 },
      { study: 'C', arm: 'CM', mean: 10, sd: 3, n: 20, provenance: derived },
      { study: 'C', arm: 'placebo', mean: 8, sd: 2, n: 20 },
    ];
    const got = effectSizes('MD', rows, { arms });
    expect(got.provenance).toEqual([imputed, { kind: 'reported' }, derived]);
    // options.provenance (index-aligned with the arm rows) takes precedence over the arm's field.
    const over = effectSizes('MD', rows, { arms, provenance: [undefined, undefined, assumed, undefined, undefined, undefined] });
    expect(over.provenance).toEqual([imputed, assumed, derived]);
  });

  it('read remapped keys, and name the arm row in errors and warnings', () => {
    const rows = [
      { trial: 'A', group: 'CM', m: 10, s: 2, size: 20 },
      { trial: 'A', group: 'placebo', m: 8, s: null, size: 20 },
      { trial: 'B', group: 'CM', m: 10, s: 2, size: 20 },
      { trial: 'B', group: 'placebo', m: 8, s: 3, size: 20 },
    ];
    const options = { arms: { ...arms, study: 'trial', arm: 'group' }, columns: { mi: 'm', sdi: 's', ni: 'size' } };
    const got = effectSizes('MD', rows, options);
    expect(got.labels).toEqual(['A', 'B']);
    // as metafor's escalc: an SD missing leaves yi = m1 − m2 but no variance
    expect(got.yi[0]).toBe(2);
    expect(got.vi[0]).toBeNaN();
    expect(got.yi[1]).toBe(2);
    expect(got.warnings).toEqual([
      'comparison 1 (study "A") has no sampling variance (s (control arm "placebo") missing); yi is kept but the row cannot enter a model',
    ]);
    rows[3]!.s = '3x' as never;
    expect(() => effectSizes('MD', rows, options)).toThrow(
      new InputError('must be a number', { code: 'E_INVALID_TYPE', field: 's (control arm "placebo")', study: 'B', row: 4, value: '3x' }),
    );
  });

  it('reject what cannot be paired', () => {
    const rows = [
      { study: 'A', arm: 'CM', mean: 10, sd: 2, n: 20 },
      { study: 'A', arm: 'placebo', mean: 8, sd: 2, n: 20 },
    ];
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        return e as InputError;
      }
      throw new Error('expected an InputError');
    };
    expect(err(() => effectSizes('COR' as Measure, rows, { arms })).field).toBe('arms');
    expect(err(() => effectSizes('MD', rows, { arms, label: 'study' })).field).toBe('label');
    expect(err(() => effectSizes('MD', rows, { arms, columns: { m1i: 'mean' } })).field).toBe('columns.m1i');
    expect(err(() => effectSizes('MD', rows.map(({ sd, ...r }) => r), { arms })).message).toContain('"sd"');
    expect(err(() => effectSizes('OR', rows, { arms })).message).toContain('"events"');
    expect(err(() => effectSizes('MD', [...rows, { study: 'A', arm: 'CM', mean: 1, sd: 1, n: 5 }], { arms }))).toMatchObject({
      study: 'A',
      row: 3,
    });
    // a missing study id or arm name (the one missing-value rule) leaves the row out with a warning
    expect(effectSizes('MD', [{ ...rows[0]!, study: null }, rows[1]!], { arms }).warnings[0]).toBe('row 1: study id ("study") missing; not used');
    expect(effectSizes('MD', [{ ...rows[0]!, arm: 'NA' }, rows[1]!], { arms }).warnings[0]).toBe('row 1 (study "A"): arm name ("arm") missing; not used');
    expect(err(() => effectSizes('MD', rows, { arms: { treatment: 'CM', control: 'CM' } })).field).toBe('arms.control');
    expect(err(() => effectSizes('MD', rows, { arms: { treatment: 'CM' } as never })).field).toBe('arms.control');
    expect(err(() => effectSizes('MD', rows, { arms: { ...arms, visit: 'v' } as never })).field).toBe('arms.visit');
    expect(err(() => effectSizes('MD', rows, { arms: { ...arms, outcome: 'endpoint' } })).field).toBe('arms.outcome');
    expect(err(() => effectSizes('SMD', [rows[0]!, { ...rows[1]!, n: 1 }], { arms }))).toMatchObject({
      field: 'n (control arm "placebo")',
      row: 2,
      study: 'A',
    });
    expect(err(() => effectSizes('RR', [{ study: 'A', arm: 'CM', events: 30, n: 20 }, { study: 'A', arm: 'placebo', events: 1, n: 20 }], { arms })))
      .toMatchObject({ field: 'events (treatment arm "CM")', row: 1 });
  });
});

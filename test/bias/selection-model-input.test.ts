// Bad input to selectionModel throws an InputError naming the option or field.
import { describe, expect, it } from 'vitest';
import { metaAnalysis, selectionModel } from '../../src/index.ts';
import { thrownInputError } from '../input-error.ts';

const data = { yi: [0.1, 0.3, 0.35, 0.5, 0.62, 0.2, 0.8, 0.05], vi: [0.01, 0.02, 0.04, 0.05, 0.08, 0.03, 0.1, 0.015] };
const fit = metaAnalysis(data);

describe('selectionModel options', () => {
  it.each([
    ['no options', undefined, 'type', /needs the selection function/],
    ['an unknown type', { type: 'stepfn', steps: [0.05] }, 'type', /valid choices are stepfun, beta/],
    ['an unknown option', { type: 'negexp', step: 0.05 }, 'options', /unknown option "step"/],
    ['stepfun without steps', { type: 'stepfun' }, 'steps', /is required for type 'stepfun'/],
    ['steps not increasing', { type: 'stepfun', steps: [0.5, 0.05, 1] }, 'steps', /must be strictly increasing/],
    ['repeated steps', { type: 'stepfun', steps: [0.05, 0.05, 1] }, 'steps', /must be strictly increasing/],
    ['a step above 1', { type: 'stepfun', steps: [0.05, 1.5] }, 'steps[1]', /must lie between 0 and 1/],
    ['a step of 0', { type: 'stepfun', steps: [0, 0.5] }, 'steps[0]', /must be > 0/],
    ['a step that is not a number', { type: 'stepfun', steps: [0.05, 'x'] }, 'steps[1]', /must be a finite number/],
    ['two alphas for negexp', { type: 'negexp', steps: [0.025, 0.05] }, 'steps', /takes a single value/],
    ['one bound for beta', { type: 'beta', steps: [0.1] }, 'steps', /two truncation points/],
    ['an unknown alternative', { type: 'negexp', alternative: 'two-sided' }, 'alternative', /valid choices are greater, less, two.sided/],
    ['prec with stepfun', { type: 'stepfun', steps: [0.05], prec: 'sei' }, 'prec', /not available for type 'stepfun'/],
    ['an unknown prec', { type: 'negexp', prec: 'ni' }, 'prec', /valid choices are sei, vi/],
    ['delta of the wrong length', { type: 'beta', delta: [1] }, 'delta', /array of 2 value/],
    ['a negative delta', { type: 'negexp', delta: [-1] }, 'delta[0]', /must be >= 0/],
    ['a beta delta of 0', { type: 'beta', delta: [0, null] }, 'delta[0]', /must be > 0/],
    ['a level of 95', { type: 'negexp', level: 95 }, 'level', /proportion/],
  ])('%s', (_name, options, field, message) => {
    const e = thrownInputError(() => selectionModel(fit, options as never));
    expect(e.field).toBe(field);
    expect(e.message).toMatch(message);
  });
});

describe('selectionModel fits', () => {
  it('refuses a fit that is not a metaAnalysis result', () => {
    expect(thrownInputError(() => selectionModel(null as never, { type: 'negexp' })).field).toBe('fit');
  });
  it('refuses a fit with user weights', () => {
    const weighted = metaAnalysis(data, { weights: data.vi.map(() => 1) });
    expect(thrownInputError(() => selectionModel(weighted, { type: 'negexp' })).field).toBe('fit.weighting');
  });
  it('refuses a zero sampling variance, naming the study', () => {
    const e = thrownInputError(() => selectionModel({ ...fit, vi: [0, ...data.vi.slice(1)] }, { type: 'negexp' }));
    expect(e.field).toBe('fit.vi');
    expect(e.row).toBe(1);
  });
  it('needs as many studies as parameters', () => {
    const small = metaAnalysis({ yi: [0.1, 0.5, 0.3], vi: [0.01, 0.02, 0.03] });
    const e = thrownInputError(() => selectionModel(small, { type: 'stepfun', steps: [0.025, 0.1, 0.5, 1] }));
    expect(e.field).toBe('fit.k');
    expect(e.code).toBe('E_TOO_FEW_STUDIES');
    expect(e.message).toMatch(/k = 3 < 5 parameters/);
  });
  it('warns when a step interval holds no p-value', () => {
    const sel = selectionModel(fit, { type: 'stepfun', steps: [0.001, 0.05, 1] });
    expect(sel.intervals!.map((s) => s.k)).toEqual([0, 5, 3]);
    expect(sel.warnings.join('\n')).toMatch(/do not contain any observed p-values/);
  });
});

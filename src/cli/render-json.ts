import type { Analysis } from './run-analysis.ts';

/**
 * The JSON report of `pooled analyze`: the fit under `model` and the effect sizes under
 * `effects` (the public result objects as they are), the back-transformed estimate under
 * `summary`, `subgroups` and `regression` when asked for, and every warning. NaN and
 * metafor's NA are `null`.
 *
 * @example
 * const request = analyzeRequest({ values: { measure: 'RR', columns: ['ai=tpos', 'bi=tneg', 'ci=cpos', 'di=cneg'], label: 'author' },
 *   positionals: ['datasets/bcg.csv'] });
 * const analysis = runAnalysis(request, { step() {}, done() {} });
 * JSON.parse(renderJson(analysis)).model.tau2; // => 0.3132 (metafor: rma(yi, vi) on dat.bcg, RR, tau^2 = 0.3132)
 */
export function renderJson(a: Analysis): string {
  const r = a.request;
  return `${JSON.stringify({
    file: a.file,
    rows: a.rows,
    measure: r.measure,
    options: { method: r.method, test: r.test, level: r.level, columns: r.columns, subgroup: r.subgroup ?? null, moderators: r.moderators, transform: r.transform },
    summary: a.summary,
    model: a.model,
    effects: a.effects,
    ...(a.subgroups === undefined ? {} : { subgroups: a.subgroups }),
    ...(a.regression === undefined ? {} : { regression: a.regression }),
  }, (_, value) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 2)}\n`;
}

import type { BlupResult } from '../models/predict/blup.ts';
import type { PredictResult } from '../models/predict/predict.ts';
import { formatFixed } from './format-number.ts';
import type { ResolvedFormatOptions } from './format-options.ts';
import { closingSections } from './printout-sections.ts';
import { textTable } from './text-table.ts';

/**
 * Prints a `predict` result as metafor's `print.list.rma` of `predict.rma`: one row per
 * prediction with pred, se, ci.lb, ci.ub, pi.lb, pi.ub (se omitted once back-transformed), the
 * design values of new moderators, and what the values are.
 *
 * @example
 * formatPredict(predict(metaAnalysis({ yi: [0.1, 0.3, 0.5], vi: [0.01, 0.02, 0.015] }, { method: 'DL' })), resolveFormatOptions({})).split('\n')[0]
 * // => '  pred      se   ci.lb   ci.ub    pi.lb   pi.ub'
 */
export function formatPredict(r: PredictResult, o: ResolvedFormatOptions): string {
  const f = (x: number | null | undefined) => formatFixed(x, o.digits);
  const showSe = r.transform === 'none';
  const xNames = r.predictions.length > 0 ? Object.keys(r.predictions[0]!.x).filter((n) => n !== 'intercept') : [];
  const showX = xNames.length > 0 && r.predictions.some((p) => /^\d+$/.test(p.label));
  const head = ['pred', ...(showSe ? ['se'] : []), 'ci.lb', 'ci.ub', 'pi.lb', 'pi.ub', ...(showX ? xNames.map((n) => `X.${n}`) : [])];
  const rows = r.predictions.map((p) => [
    f(p.estimate), ...(showSe ? [f(p.se)] : []), f(p.ci.lower), f(p.ci.upper), f(p.pi.lower), f(p.pi.upper),
    ...(showX ? xNames.map((n) => String(p.x[n])) : []),
  ]);
  const named = r.predictions.some((p) => p.label !== '');
  const lines = textTable(head, rows, named ? { rowNames: r.predictions.map((p) => p.label) } : {});
  const pi = r.df === null ? 'normal' : `t(${r.df})`;
  const notes = [`Prediction intervals add ${r.heterogeneity === 0 ? 'no heterogeneity (tau² = 0)' : `heterogeneity ${formatFixed(r.heterogeneity, o.digits)}`}; critical values from the ${pi} distribution, level ${Math.round(r.level * 1000) / 10}%.`];
  if (r.transform !== 'none') notes.push(r.description);
  lines.push(...closingSections({ notes, warnings: [] }));
  return lines.join('\n');
}

/**
 * Prints a `blup` result as metafor's `print.list.rma` of `blup.rma.uni`: pred, se, pi.lb,
 * pi.ub per study, and for a multilevel fit the predicted random effects of the clusters and
 * levels (metafor's `ranef`).
 *
 * @example
 * formatBlup(blup(metaAnalysis({ yi: [0.1, 0.3, 0.5], vi: [0.01, 0.02, 0.015] }, { method: 'DL' })), resolveFormatOptions({})).split('\n')[0]
 * // => '         pred      se    pi.lb   pi.ub'
 */
export function formatBlup(r: BlupResult, o: ResolvedFormatOptions): string {
  const f = (x: number | null | undefined) => formatFixed(x, o.digits);
  const table = (values: BlupResult['blups']) => {
    const showSe = r.transform === 'none';
    const head = ['pred', ...(showSe ? ['se'] : []), 'pi.lb', 'pi.ub'];
    return textTable(head, values.map((v) => [f(v.estimate), ...(showSe ? [f(v.se)] : []), f(v.pi.lower), f(v.pi.upper)]), { rowNames: values.map((v) => v.label) });
  };
  const lines = table(r.blups);
  if (r.randomEffects) {
    lines.push('', 'Random effects of the outer clusters:', '', ...table(r.randomEffects.outer));
    lines.push('', 'Random effects of the inner levels (outer/inner):', '', ...table(r.randomEffects.inner));
  }
  lines.push(...closingSections({ notes: [r.transform === 'none' ? null : r.description], warnings: [] }));
  return lines.join('\n');
}

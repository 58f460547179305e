import type { SimulationResult } from '../models/simulate/simulate.ts';
import { formatFixed } from './format-number.ts';
import type { ResolvedFormatOptions } from './format-options.ts';
import { textTable } from './text-table.ts';

/**
 * Prints a `simulate` result: the design, the analysis, how many replicates were fitted, then
 * the performance measures with their Monte Carlo SEs (bias, RMSE, empirical and mean SE,
 * coverage against the nominal level, power or type I error at α, bias and RMSE of τ̂²), and
 * the warnings with their counts.
 *
 * @example
 * formatSimulation(simulate({ k: 5, tau2: 0.1, mu: 0.3, viDistribution: { min: 0.01, max: 0.1 }, replications: 50, seed: 2 }), resolveFormatOptions({}))
 * // => 'Simulation: 50 replicates of k = 5 studies, tau² = 0.1, mu = 0.3, vi uniform on [0.01, 0.1] (seed 2)…coverage…'
 */
export function formatSimulation(r: SimulationResult, o: ResolvedFormatOptions): string {
  const d = r.design;
  const variances = d.viDistribution !== null ? `vi uniform on [${d.viDistribution.min}, ${d.viDistribution.max}]` : 'fixed vi';
  const f = (x: number | null) => formatFixed(x, o.digits);
  const rows = [
    [f(r.bias), f(r.biasMcse), ''],
    [f(r.rmse), '', ''],
    [f(r.empiricalSe), '', ''],
    [f(r.meanSe), '', ''],
    [f(r.coverage), f(r.coverageMcse), `nominal ${formatFixed(1 - r.alpha, o.digits)}`],
    [f(r.power), f(r.powerMcse), d.mu === 0 ? `type I error at alpha ${r.alpha}` : `alpha ${r.alpha}`],
    [f(r.tau2Bias), '', ''],
    [f(r.tau2Rmse), '', ''],
  ];
  const names = ['bias', 'RMSE', 'empirical SE', 'mean SE', 'coverage', 'power', 'tau² bias', 'tau² RMSE'];
  return [
    `Simulation: ${r.replications} replicates of k = ${d.k} studies, tau² = ${d.tau2}, mu = ${d.mu}, ${variances} (seed ${d.seed})`,
    `Analysis: ${r.analysis}${r.batch ? ' (batch)' : ''}`,
    `Fitted: ${r.fitted} of ${r.replications}${r.failures > 0 ? ` (${r.failures} failed)` : ''}; mean estimate ${f(r.meanEstimate)}`,
    '',
    ...textTable(['value', 'MCSE', ''], rows, { rowNames: names }),
    ...(r.warnings.length > 0 ? ['', 'Warnings:', ...r.warnings.map((w) => `  ${w}`)] : []),
  ].join('\n');
}

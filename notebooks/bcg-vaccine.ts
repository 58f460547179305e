// Reproducing a published analysis: the BCG vaccine trials (Colditz et al., 1994), as analysed
// in Viechtbauer (2010), "Conducting meta-analyses in R with the metafor package", J Stat Softw
// 36(3). Run with `npx tsx notebooks/bcg-vaccine.ts`.

// %% Load the bundled data set
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { effectSizes, forestPlot, formatResult, funnelPlot, metaAnalysis, metaRegression, mantelHaenszel, trimAndFill } from '../src/index.ts';

const bcg = JSON.parse(readFileSync(new URL('../datasets/bcg.json', import.meta.url), 'utf8'));
const columns = { ai: 'tpos', bi: 'tneg', ci: 'cpos', di: 'cneg' };
console.log(`${bcg.title}: ${bcg.rows.length} trials\n`);

// %% Log risk ratios (escalc(measure = "RR", ...))
const es = effectSizes('RR', bcg.rows, { columns, label: 'author' });
es.labels.forEach((label, i) => console.log(`${label.padEnd(22)} yi = ${es.yi[i]!.toFixed(4)}  vi = ${es.vi[i]!.toFixed(4)}`));

// %% Random-effects model (rma(yi, vi)); the paper reports tau² = 0.3132, estimate −0.7145
const fit = metaAnalysis(es, { method: 'REML' });
console.log(`\n${formatResult(fit)}`);
console.log(`\nPooled risk ratio: ${Math.exp(fit.estimate).toFixed(2)} [${Math.exp(fit.ci.lower!).toFixed(2)}, ${Math.exp(fit.ci.upper!).toFixed(2)}]`);

// %% Mixed-effects meta-regression on absolute latitude (rma(yi, vi, mods = ~ ablat))
const reg = metaRegression(es, { moderators: { ablat: bcg.rows.map((r: { ablat: number }) => r.ablat) }, method: 'REML' });
for (const c of reg.coefficients) console.log(`${c.name.padEnd(10)} ${c.estimate.toFixed(4)} (SE ${c.se.toFixed(4)}), p = ${c.pValue?.toExponential(2)}`);
console.log(`Residual tau² = ${reg.tau2.toFixed(4)}; R² = ${reg.r2?.toFixed(2)}%`);

// %% Mantel–Haenszel log risk ratio (rma.mh(measure = "RR", ...))
const mh = mantelHaenszel(bcg.rows, { measure: 'RR', columns });
console.log(`\nMantel–Haenszel RR: ${mh.ratio?.estimate?.toFixed(4)} [${mh.ratio?.ci.lower?.toFixed(4)}, ${mh.ratio?.ci.upper?.toFixed(4)}]`);

// %% Forest and funnel plots (forest(fit, atransf = exp); funnel(trimfill(fit))), written to out/
const outDir = new URL('../out/', import.meta.url);
mkdirSync(outDir, { recursive: true });
const forest = forestPlot(fit, {
  columns: [
    { header: 'Year', values: bcg.rows.map((r: { year: number }) => r.year) },
    { header: 'Latitude', values: bcg.rows.map((r: { ablat: number }) => r.ablat) },
    { header: 'Allocation', values: bcg.rows.map((r: { alloc: string }) => r.alloc) },
  ],
  title: 'BCG vaccine and tuberculosis: risk ratios (REML)',
});
const filled = trimAndFill(fit);
const funnel = funnelPlot(fit, { trimAndFill: filled, title: `Funnel plot with trim and fill (${filled.k0} filled on the ${filled.side})` });
writeFileSync(new URL('bcg-forest.svg', outDir), forest);
writeFileSync(new URL('bcg-funnel.svg', outDir), funnel);
console.log('\nWrote out/bcg-forest.svg and out/bcg-funnel.svg');


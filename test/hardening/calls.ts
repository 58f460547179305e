// Every public function that takes an options object, called on small valid data: the table
// the hardening tests run each class of unusual input through.
import * as p from '../../src/index.ts';
import { axisScale } from '../../src/plots/axis-scale.ts';

export const yi = [0.1, 0.5, -0.2, 0.8, 0.3];
export const vi = [0.04, 0.02, 0.05, 0.03, 0.06];
export const tables = [{ ai: 4, bi: 119, ci: 11, di: 128 }, { ai: 6, bi: 300, ci: 29, di: 274 }, { ai: 3, bi: 228, ci: 11, di: 209 }];
export const fit = () => p.metaAnalysis({ yi, vi });
const reg = () => p.metaRegression({ yi, vi }, { moderators: { x: [1, 2, 3, 4, 5] } });
const ml = () => p.multilevel({ yi: [...yi, 0.2], vi: [...vi, 0.03] }, { outer: ['a', 'a', 'b', 'b', 'c', 'c'], inner: ['1', '2', '3', '4', '5', '6'] });

/** name → call with an options object (`undefined` must work: the baseline). */
export const WITH_OPTIONS: Readonly<Record<string, (o: unknown) => unknown>> = {
  metaAnalysis: (o) => p.metaAnalysis({ yi, vi }, o as never),
  subgroupAnalysis: (o) => p.subgroupAnalysis({ yi, vi }, ['a', 'a', 'b', 'b', 'b'], o as never),
  mantelHaenszel: (o) => p.mantelHaenszel(tables, o as never),
  peto: (o) => p.peto(tables, o as never),
  effectSizes: (o) => p.effectSizes('OR', tables, o as never),
  cumulative: (o) => p.cumulative(fit(), undefined, o as never),
  eggerTest: (o) => p.eggerTest(fit(), o as never),
  trimAndFill: (o) => p.trimAndFill(fit(), o as never),
  failSafeN: (o) => p.failSafeN({ yi, vi }, o as never),
  formatResult: (o) => p.formatResult(fit(), o as never),
  studyTable: (o) => p.studyTable(fit(), o as never),
  summarize: (o) => p.summarize(fit(), o as never),
  htmlReport: (o) => p.htmlReport([{ kind: 'heading', text: 'x' }] as never, o as never),
  forestPlot: (o) => p.forestPlot(fit(), o as never),
  funnelPlot: (o) => p.funnelPlot(fit(), o as never),
  baujatPlot: (o) => p.baujatPlot(fit(), o as never),
  goshPlot: (o) => p.goshPlot(p.gosh(fit()), o as never),
  radialPlot: (o) => p.radialPlot(fit(), o as never),
  qqPlot: (o) => p.qqPlot(fit(), o as never),
  influencePlot: (o) => p.influencePlot(fit(), o as never),
  cumulativePlot: (o) => p.cumulativePlot(fit(), o as never),
  leaveOneOutPlot: (o) => p.leaveOneOutPlot(fit(), o as never),
  bubblePlot: (o) => p.bubblePlot(reg(), o as never),
  bubbleData: (o) => p.bubbleData(reg(), o as never),
  radialData: (o) => p.radialData(fit(), o as never),
  normalQqData: (o) => p.normalQqData(fit(), o as never),
  labbeData: (o) => p.labbeData(p.metaAnalysis(p.effectSizes('OR', tables)), tables, o as never),
  labbePlot: (o) => p.labbePlot(p.metaAnalysis(p.effectSizes('OR', tables)), tables, o as never),
  readTable: (o) => p.readTable('a,b\n1,2\n', o as never),
};

/** name → call with the options spread into a required options object. */
export const WITH_REQUIRED_OPTIONS: Readonly<Record<string, (extra: Record<string, unknown>) => unknown>> = {
  metaRegression: (x) => p.metaRegression({ yi, vi }, { moderators: { x: [1, 2, 3, 4, 5] }, ...x }),
  multilevel: (x) => p.multilevel({ yi: [...yi, 0.2], vi: [...vi, 0.03] }, { outer: ['a', 'a', 'b', 'b', 'c', 'c'], inner: ['1', '2', '3', '4', '5', '6'], ...x }),
  robust: (x) => p.robust(ml(), { cluster: ['a', 'a', 'b', 'b', 'c', 'c'], adjust: 'CR1', ...x }),
  imputeSd: (x) => p.imputeSd([{ sd1i: 1, sd2i: 2 }, { sd1i: null, sd2i: 2 }], { method: 'median', ...x }),
  sensitivityPlot: (x) => p.sensitivityPlot({ panels: [{ title: 'a', points: [{ x: 1, estimate: 0, lower: -1, upper: 1 }, { x: 2, estimate: 0, lower: -1, upper: 1 }] }], xTitle: 'x', yTitle: 'y', ...x } as never),
  axisScale: (x) => axisScale({ domain: [0, 1], range: [0, 100], ...x }),
};

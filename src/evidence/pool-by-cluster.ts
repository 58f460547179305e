import { checkOptions } from '../check-options.ts';
import { assertOneOf, InputError } from '../errors.ts';
import { metaAnalysis } from '../models/meta-analysis.ts';
import { resolveModelOptions, type MetaAnalysisOptions } from '../models/resolve-options.ts';
import type { MetaAnalysisResult } from '../types.ts';
import { assessReplication } from './assess-replication.ts';
import { effectsOf, readAssumptions, type EffectAssumptions } from './comparison-effects.ts';
import { connectedComponents } from './connected-components.ts';
import { frozenCopy } from './deep-freeze.ts';
import { overlapsIn } from './detect-overlaps.ts';
import type { Comparison } from './evidence-base.ts';
import { formatValue } from './format-value.ts';
import { loadEvidence } from './load-evidence.ts';
import { nameKey } from './name-key.ts';
import { readComparison } from './read-comparison.ts';

/** Options of `poolByCluster`: the model's options, the measure and stated assumptions. */
export interface PoolByClusterOptions extends MetaAnalysisOptions {
  readonly measure?: 'MD' | 'SMD';
  readonly assume?: EffectAssumptions;
}

/** One independence cluster's aggregated estimate. */
export interface ClusterEstimate {
  /** Name of the cluster: its studies' labels joined by " + ". */
  readonly name: string;
  readonly studies: readonly string[];
  /** Studies whose estimates were aggregated (one per cohort of participants). */
  readonly used: readonly string[];
  readonly yi: number;
  readonly vi: number;
}

/** Result of `poolByCluster`: the usual fit beside one pooling one estimate per independent cluster. */
export interface ClusterPooling {
  readonly comparison: Comparison;
  readonly measure: 'MD' | 'SMD';
  /** Every study with a usable estimate, each counted as independent (the usual analysis); `null` with fewer than 2. */
  readonly standard: MetaAnalysisResult | null;
  /** One aggregated estimate per independence cluster; `null` with fewer than 2 clusters. */
  readonly byCluster: MetaAnalysisResult | null;
  readonly clusters: readonly ClusterEstimate[];
  /** For a forest plot of `standard` (`forestPlot` options): each study's cluster name when its cluster holds 2+ studies, else `null`. */
  readonly forestClusters: readonly (string | null)[];
  /** For a forest plot of `standard`: `true` for every study when the finding is not independently replicated. */
  readonly notReplicated: readonly boolean[];
  readonly reasons: readonly string[];
}

/**
 * Replication in the pooled analysis, as a sensitivity analysis: the usual fit over every study
 * with a usable estimate, beside a fit that pools one estimate per independence cluster (studies
 * linked by a group, an author or a cohort). Within a cluster, reports of the same participants
 * (`detectOverlaps`) contribute one estimate (the largest, then latest, report, as
 * `poolIndependent`), and the cluster's cohorts are combined by their inverse-variance
 * (fixed-effect) mean ȳ = Σwᵢyᵢ/Σwᵢ with variance 1/Σwᵢ, wᵢ = 1/vᵢ (Borenstein et al.,
 * Introduction to Meta-Analysis, 2009, ch. 23: independent subgroups within a study). When the
 * two fits differ, the difference is what the dependent studies added. `forestClusters` and
 * `notReplicated` are the markers `forestPlot` draws for the usual fit.
 *
 * @throws {InputError} for an invalid evidence base, comparison or option.
 * @example
 * const rows = [
 *   { authors: 'Smith & Jones', year: 2001, ri: 0.3, ni: 100 }, { authors: 'Jones', year: 2005, ri: 0.25, ni: 80 },
 *   { authors: 'Lee', year: 2010, ri: 0.1, ni: 120 },
 * ];
 * const evidence = evidenceFromTable(rows, { title: 'r', asOf: '2026-01-01', citation: 'example', measure: 'ZCOR',
 *   effectColumns: { ri: 'ri', ni: 'ni' }, columns: { label: 'authors', year: 'year', authors: 'authors' },
 *   intervention: 'trait', comparator: 'no association', outcome: 'adherence' });
 * const p = poolByCluster(evidence, evidence.comparisons[0]);
 * [p.standard.k, p.byCluster.k] // => [3, 2]
 */
export function poolByCluster(evidence: unknown, comparison: Comparison, options: PoolByClusterOptions = {}): ClusterPooling {
  const base = loadEvidence(evidence);
  const wanted = readComparison(comparison, { field: 'comparison' }, true);
  const opts = checkOptions<PoolByClusterOptions>(options, ['measure', 'assume', 'method', 'test', 'level']);
  const measure = opts.measure ?? 'MD';
  assertOneOf(measure, ['MD', 'SMD'] as const, 'measure');
  const assume = readAssumptions(opts.assume);
  const model = resolveModelOptions({ ...(opts.method !== undefined && { method: opts.method }), ...(opts.test !== undefined && { test: opts.test }), ...(opts.level !== undefined && { level: opts.level }) });
  const key = (c: Comparison) => JSON.stringify([c.intervention, c.comparator, c.outcome, c.timepoint].map((v) => v && nameKey(v)));
  const finding = assessReplication(base, { level: model.level }).findings.find((f) => key(f) === key(wanted));
  if (finding === undefined && effectsOf(base, wanted, assume, model.level).length > 0) {
    // a partial comparison (no outcome or time point) matches effects of several findings: pooling
    // them would mix outcomes, and their independence clusters are judged per finding
    throw new InputError('the comparison matches effects but no single finding of the evidence base: give its intervention, comparator, outcome and time point as the evidence base states them', { field: 'comparison', code: 'E_UNKNOWN_REFERENCE' });
  }
  const effects = effectsOf(base, wanted, assume, model.level).filter((e) => (measure === 'MD' ? e.variance : e.smdVariance) !== null && (measure === 'MD' ? e.meanDifference : e.smd) !== null);
  const y = (e: (typeof effects)[number]) => (measure === 'MD' ? e.meanDifference! : e.smd!);
  const v = (e: (typeof effects)[number]) => (measure === 'MD' ? e.variance! : e.smdVariance!);
  const fit = (yi: number[], vi: number[], labels: string[]) =>
    yi.length >= 2 ? metaAnalysis({ yi, vi, labels, measure }, { method: model.method, test: model.test, level: model.level }) : null;
  const standard = fit(effects.map(y), effects.map(v), effects.map((e) => e.study));

  const clusterIds = (finding?.clusters ?? []).map((c) => c.filter((id) => effects.some((e) => e.study === id))).filter((c) => c.length > 0);
  const overlaps = overlapsIn(base).map((o) => o.studies);
  const labelOf = (id: string) => effects.find((e) => e.study === id)!.label;
  const clusters: ClusterEstimate[] = clusterIds.map((ids) => {
    const cohorts = connectedComponents(ids, overlaps.filter((pair) => pair.every((id) => ids.includes(id))));
    const used = cohorts.map((c) => c.map((id) => effects.find((e) => e.study === id)!)
      .sort((a, b) => (b.intervention.n ?? 0) + (b.comparator.n ?? 0) - (a.intervention.n ?? 0) - (a.comparator.n ?? 0) || (b.year ?? -Infinity) - (a.year ?? -Infinity))[0]!);
    const w = used.map((e) => 1 / v(e));
    const sw = w.reduce((s, x) => s + x, 0);
    return { name: ids.map(labelOf).join(' + '), studies: ids, used: used.map((e) => e.study), yi: used.reduce((s, e, i) => s + w[i]! * y(e), 0) / sw, vi: 1 / sw };
  });
  const byCluster = fit(clusters.map((c) => c.yi), clusters.map((c) => c.vi), clusters.map((c) => c.name));
  const clusterOf = (id: string) => clusters.find((c) => c.studies.includes(id))!;
  const forestClusters = effects.map((e) => (clusterOf(e.study).studies.length > 1 ? clusterOf(e.study).name : null));
  const notReplicated = effects.map(() => finding?.status === 'not-independently-replicated');
  const reasons: string[] = [];
  for (const c of clusters.filter((c) => c.studies.length > 1)) {
    reasons.push(`${c.name} form one cluster: ${c.used.length === 1 ? 'one estimate is used' : `their ${c.used.length} cohorts are combined into one estimate`} (${formatValue(c.yi)}, variance ${formatValue(c.vi)}).`);
  }
  if (standard && byCluster) {
    reasons.push(`Usual fit over ${standard.k} studies: ${formatValue(standard.estimate)} (CI ${formatValue(standard.ci.lower!)} to ${formatValue(standard.ci.upper!)}); one estimate per independent cluster (${byCluster.k}): ${formatValue(byCluster.estimate)} (CI ${formatValue(byCluster.ci.lower!)} to ${formatValue(byCluster.ci.upper!)}).`);
  } else {
    reasons.push(`Fewer than two independent clusters have a usable estimate, so no pooling per cluster is possible (${clusters.length}).`);
  }
  return frozenCopy({ comparison: wanted, measure, standard, byCluster, clusters, forestClusters, notReplicated, reasons });
}

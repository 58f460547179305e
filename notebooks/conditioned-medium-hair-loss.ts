// Conditioned medium for hair loss: what the seed document's numbers can and cannot support.
// Run with `npm start` (tsx). Cells are marked `// %%`. Writes out/conditioned-medium-hair-loss.md,
// out/conditioned-medium-hair-loss.json and out/conditioned-medium-hair-loss.html (with figures).

// %% Setup: load the evidence base
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import {
  assessCertainty,
  assessReplication,
  certaintyMarkdown,
  formatWhatWouldChange,
  comparisonEffects,
  describeComparison,
  evidenceMap,
  formatFixed,
  formatResult,
  htmlReport,
  loadEvidence,
  maxSdForSignificance,
  poolIndependent,
  replicationEvidenceTable,
  replicationMarkdown,
  replicationText,
  sensitivity,
  sensitivityPlot,
  summaryOfFindings,
  whatWouldChange,
} from '../src/index.ts';
import type { Comparison, ReportSection, StudyEffect } from '../src/index.ts';

const datasetUrl = new URL('../datasets/conditioned-medium-hair-loss.json', import.meta.url);
const outDir = new URL('../out/', import.meta.url);
const raw: unknown = JSON.parse(readFileSync(datasetUrl, 'utf8'));
const evidence = loadEvidence(raw);

/** The Markdown and HTML reports, built cell by cell; every cell also prints to the console. */
const intro = `Evidence as of ${evidence.asOf}. Source: ${evidence.sources.map((s) => s.citation).join('; ')}`;
const report: string[] = [`# ${evidence.title}`, '', intro];
const html: ReportSection[] = [{ kind: 'heading', text: evidence.title, level: 1 }, { kind: 'text', text: intro }];
/** Figures (SVG) to write beside the reports, by file name. */
const figures = new Map<string, string>();
function cell(title: string, markdown: string, text = markdown, figure?: { name: string; svg: string; caption: string }, before: readonly ReportSection[] = [], htmlMarkdown = markdown): void {
  report.push('', `## ${title}`, '', markdown.trimEnd());
  html.push({ kind: 'heading', text: title, level: 2 }, ...before);
  if (figure) {
    html.push({ kind: 'figure', svg: figure.svg, caption: figure.caption });
    figures.set(figure.name, figure.svg);
    report.push('', `![${figure.caption}](${figure.name})`);
  }
  html.push({ kind: 'markdown', markdown: htmlMarkdown });
  console.log(`\n=== ${title} ===\n\n${text.trimEnd()}`);
}
const fmt = (x: number | null | undefined, digits = 2): string =>
  x === null || x === undefined ? '—' : formatFixed(x, digits).replace(/^-(0\.?0*)$/, '$1');

// The three comparisons that have published arm means, and the assumptions used below.
const published = evidence.comparisons.filter((c) => comparisonEffects(evidence, c).some((e) => e.meanDifference !== null));
const ARM_N = 30; // assumption: the 2022 trial's 60 patients split equally; the follow-up's n is not reported at all
const SD_RANGE = [5, 7.5, 10, 12.5, 15, 17.5, 20, 25]; // assumption: SDs of the change in hairs/cm², not reported
const ALPHA = 0.05;

// %% 1. Evidence table: what the source reports, with its words
cell(
  'Evidence table',
  [
    'Every value below is quoted verbatim from the source; `—` means the source does not report it.',
    'No SD, standard error, per-arm size, author or registry id is reported.',
    '',
    replicationEvidenceTable(evidence),
  ].join('\n'),
  undefined,
  {
    name: 'conditioned-medium-hair-loss-evidence.svg',
    svg: evidenceMap(evidence, { fontSize: 12 }),
    caption: 'The evidence base: one lane per research group (studies in one lane are not independent), published reports at their year, the ongoing exosome trials at the year their results are expected, and the two Seoul reports that probably describe the same patients.',
  },
);

// %% 2. Mean differences per comparison (from reported means only)
{
  const rows = published.flatMap((c) =>
    comparisonEffects(evidence, c).map(
      (e) => `| ${describeComparison(c)} | ${e.label} | ${fmt(e.intervention.mean, 1)} | ${fmt(e.comparator.mean, 1)} | ${fmt(e.meanDifference, 1)} |`,
    ),
  );
  cell(
    'Mean differences',
    [
      'Mean difference = intervention − comparator, in additional hairs per cm². No variance can be computed: the source gives no SDs or standard errors.',
      '',
      '| Comparison | Study | Intervention mean | Comparator mean | Mean difference |',
      '|---|---|---|---|---|',
      ...rows,
    ].join('\n'),
  );
}

// %% 3. What can and cannot be concluded without SDs
const cmPlacebo = published[0]!;
const mdOf = (c: Comparison): StudyEffect => comparisonEffects(evidence, c).find((e) => e.meanDifference !== null)!;
const boundaries = published.map((c) => {
  const e = mdOf(c);
  const bound = maxSdForSignificance({ meanDifference: e.meanDifference!, n1: ARM_N, n2: ARM_N, alpha: ALPHA, test: 't', study: e.label });
  return { comparison: c, study: e.label, meanDifference: e.meanDifference!, maxSd: bound.sd, bound };
});
{
  const [main, ...others] = boundaries;
  const sdOf = (b: (typeof boundaries)[number]) => fmt(b.maxSd, 1);
  const lines = [
    'Without SDs there is no confidence interval, no standardised effect (SMD) and no p-value: the mean differences alone',
    'cannot show that any difference is larger than chance. What the source does give is a claim: the 2022 trial found',
    '"a significant difference". That claim constrains the unreported SD.',
    '',
    `Assumption: ${ARM_N} patients per arm (the 2022 trial's 60 patients split equally — the split is not reported), a two-sided`,
    `two-sample t-test at alpha = ${ALPHA}. Then a mean difference of ${fmt(main!.meanDifference, 1)} hairs/cm² is significant only if the common SD is`,
    `at most **${sdOf(main!)} hairs/cm²**; a larger SD would contradict the reported significance. At that SD the`,
    `standardised mean difference would be about ${fmt(main!.meanDifference / main!.maxSd, 2)}. The bound also assumes that`,
    `${main!.bound.assumptions.join('; ')}.`,
    '',
    'The PRP comparisons come with no claim of significance at all, and the follow-up does not report its size. Under the',
    `same ${ARM_N}-per-arm assumption (pure assumption here), the largest SD for which they would be significant:`,
    '',
    '| Comparison | Study | Mean difference | Largest SD compatible with p < 0.05 |',
    '|---|---|---|---|',
    ...boundaries.map((b) => `| ${describeComparison(b.comparison)} | ${b.study} | ${fmt(b.meanDifference, 1)} | ${sdOf(b)} |`),
    '',
    `So the CM-vs-PRP differences (${others.map((b) => fmt(b.meanDifference, 1)).join(' and ')} hairs/cm²) are significant only if the SDs are below`,
    `${others.map(sdOf).join(' and ')} hairs/cm² respectively; nothing in the source says whether they are.`,
  ];
  cell('What can and cannot be concluded without SDs', lines.join('\n'));
}

// %% 4. Sensitivity: CIs and SMDs across a plausible SD range (an assumption)
const zBound = maxSdForSignificance({ meanDifference: boundaries[0]!.meanDifference, n1: ARM_N, n2: ARM_N, alpha: ALPHA, test: 'z' });
const withAssumedSd = (c: Comparison, sd: number): StudyEffect =>
  comparisonEffects(evidence, c, { assume: { sd, armN: ARM_N } }).find((e) => e.meanDifference !== null)!;
const sensitivityTables = published.map((c) => ({
  comparison: c,
  table: sensitivity({ parameter: 'sd', values: SD_RANGE, analyse: (sd) => withAssumedSd(c, sd) }),
}));
{
  const blocks = sensitivityTables.map(({ comparison, table }) => {
    const rows = table.rows.map(({ value, result }) => {
      const sig = result.ci!.lower! > 0 ? 'yes' : 'no';
      return `| ${fmt(value, 1)} | ${fmt(result.meanDifference, 1)} | ${fmt(result.ci!.lower)} to ${fmt(result.ci!.upper)} | ${sig} | ${fmt(result.smd)} (${fmt(result.smdCi!.lower)} to ${fmt(result.smdCi!.upper)}) |`;
    });
    return [
      `**${describeComparison(comparison)}** (${mdOf(comparison).label})`,
      '',
      '| Assumed SD | Mean difference | 95% CI | CI excludes 0 | SMD, Hedges g (95% CI) |',
      '|---|---|---|---|---|',
      ...rows,
    ].join('\n');
  });
  const grid = Array.from({ length: 93 }, (_, i) => 2 + i * 0.25); // assumed SDs 2 to 25 hairs/cm²
  const panels = published.map((c) => {
    const e = mdOf(c);
    const points = grid.map((sd) => {
      const r = withAssumedSd(c, sd);
      return { x: sd, estimate: r.meanDifference!, lower: r.ci!.lower!, upper: r.ci!.upper! };
    });
    const at = maxSdForSignificance({ meanDifference: e.meanDifference!, n1: ARM_N, n2: ARM_N, alpha: ALPHA, test: 'z' }).sd;
    return { title: `${c.intervention} vs ${c.comparator}, ${c.timepoint} (${e.label})`, points, threshold: { x: at, label: `CI includes 0 from SD ${fmt(at, 1)}` } };
  });
  const figure = {
    name: 'conditioned-medium-hair-loss-sensitivity.svg',
    svg: sensitivityPlot({ panels, xTitle: `Assumed SD in both arms (hairs/cm²), ${ARM_N} patients per arm`, yTitle: 'Mean difference (hairs/cm²)' }),
    caption: `Mean difference (line) and its 95% Wald CI (band) against the assumed SD, which the source does not report. Right of the dashed line the CI includes 0; ${ARM_N} patients per arm is also an assumption.`,
  };
  cell(
    'Sensitivity to the unreported SD',
    [
      `Assumptions: the same SD in both arms, taking each value of ${SD_RANGE.join(', ')} hairs/cm² (a range, not an estimate: the`,
      `source reports none); ${ARM_N} patients per arm. Intervals are Wald intervals (normal quantile, as metafor's escalc/summary),`,
      `so for the placebo comparison the CI first touches 0 at SD ${fmt(zBound.sd, 1)} rather than at the t-test's ${fmt(boundaries[0]!.maxSd, 1)}.`,
      '',
      ...blocks.flatMap((b) => [b, '']),
    ].join('\n'),
    undefined,
    figure,
  );
}

// %% 5. Replication status of each finding, and the overlap flag
const assessment = assessReplication(evidence);
cell('Replication', replicationMarkdown(assessment, { headingLevel: 3 }).replace(/^### Replication findings\n\n/, ''), replicationText(assessment));

// %% 6. Pooling across independent cohorts
{
  const lines = evidence.comparisons.map((c) => {
    const pooling = poolIndependent(evidence, c, { assume: { sd: 10, armN: ARM_N } });
    return `- ${pooling.reasons.join(' ')}`;
  });
  cell(
    'Pooling',
    [
      'Pooling uses one estimate per cohort of patients, never two reports of the same patients. Even with SDs of 10 and',
      `${ARM_N} patients per arm assumed, no comparison has two independent cohorts:`,
      '',
      ...lines,
    ].join('\n'),
  );
}

// %% 7. Certainty of each finding (GRADE-style, with a replication domain)
const certainty = assessCertainty(evidence);
{
  const sof = summaryOfFindings(certainty);
  const intro = [
    'Each finding is rated in the spirit of GRADE: randomised evidence starts at high, observational at low, and each domain',
    'rates down by one or two levels (rules and thresholds in the README). Replication is this project\'s own domain.',
    '',
  ];
  const markdown = certaintyMarkdown(certainty, { headingLevel: 3 }).replace(/^### Certainty of the evidence\n\n/, '');
  // The HTML report shows the summary of findings as a table section, then the per-domain detail (the Markdown after the table).
  const detail = markdown.split('\n').slice(2 + sof.rows.length).join('\n').trim();
  cell('Certainty of the evidence', [...intro, markdown].join('\n'), formatResult(certainty), undefined, [{ kind: 'table', columns: sof.columns, rows: sof.rows, caption: sof.caption }], [...intro, detail].join('\n'));
}

// %% 8. What evidence would change the verdict (computed by whatWouldChange)
const changes = evidence.comparisons.map((c) => whatWouldChange(evidence, c, { assume: { sd: 10, armN: ARM_N } }));
cell(
  'What would change the verdict',
  [
    `Computed for each finding by \`whatWouldChange\`. The sizes a new study needs assume an SD of 10 hairs/cm² and ${ARM_N} patients`,
    'per arm (the source reports neither); every assumption is listed under its finding.',
    '',
    ...changes.flatMap((w) => [`### ${describeComparison(w)}`, '', formatWhatWouldChange(w, { markdown: true }).split('\n').slice(1).join('\n').trim(), '']),
  ].join('\n'),
  changes.map((w) => formatWhatWouldChange(w)).join('\n'),
);

// %% Write the report files
mkdirSync(outDir, { recursive: true });
writeFileSync(new URL('conditioned-medium-hair-loss.md', outDir), `${report.join('\n')}\n`);
writeFileSync(
  new URL('conditioned-medium-hair-loss.json', outDir),
  `${JSON.stringify(
    {
      evidence,
      assumptions: { armN: ARM_N, sdRange: SD_RANGE, alpha: ALPHA, test: 't' },
      meanDifferences: published.map((c) => ({ comparison: c, effects: comparisonEffects(evidence, c) })),
      maxSdForSignificance: boundaries,
      sensitivity: sensitivityTables,
      assessment,
      certainty,
      whatWouldChange: changes,
    },
    null,
    2,
  )}\n`,
);
for (const [name, svg] of figures) writeFileSync(new URL(name, outDir), svg);
writeFileSync(new URL('conditioned-medium-hair-loss.html', outDir), htmlReport(html, { title: evidence.title }));
console.log(`\nWrote out/conditioned-medium-hair-loss.md, .json and .html (with ${figures.size} figures, also as SVG files)`);

// Which findings of an ordinary meta-analysis data set rest on one author network?
// Conscientiousness and medication adherence (Molloy, O'Carroll & Ferguson, 2014; metadat's
// dat.molloy2014): 16 studies, correlations r with sample sizes, and the authors as the paper
// cites them. Run with `npx tsx notebooks/conscientiousness-adherence.ts`.

// %% Load the table and build an evidence base from it
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import {
  assessCertainty, assessReplication, evidenceFromTable, forestPlot, formatResult, formatWhatWouldChange, poolByCluster, readTable, whatWouldChange,
} from '../src/index.ts';

const rows = readTable(readFileSync(new URL('../datasets/molloy2014.csv', import.meta.url), 'utf8')) as unknown as readonly Record<string, unknown>[];
const CITATION =
  "Molloy GJ, O'Carroll RE, Ferguson E. Conscientiousness and medication adherence: a meta-analysis. Ann Behav Med 2014;47(1):92-101. As distributed in R's metadat package (dat.molloy2014).";
/** The table as an evidence base: Fisher's z of each correlation, one finding per value of `finding`. */
const build = (table: readonly Record<string, unknown>[], finding: string) =>
  evidenceFromTable(table, {
    title: 'Conscientiousness and medication adherence',
    asOf: '2026-11-25',
    citation: CITATION,
    measure: 'ZCOR',
    effectColumns: { ri: 'ri', ni: 'ni' },
    columns: { label: 'authors', year: 'year', authors: 'authors', n: 'ni', design: 'design', finding },
    intervention: 'conscientiousness',
    comparator: 'no association',
    outcome: 'medication adherence',
  });
console.log(`${rows.length} studies; authors as cited, e.g. ${rows.slice(3, 5).map((r) => `"${r.authors}"`).join(', ')}`);

// %% Findings by how adherence was measured (the paper's moderator)
const byMeasure = build(rows, 'a_measure');
const replication = assessReplication(byMeasure);
for (const f of replication.findings) {
  const networks = f.clusters.filter((c) => c.length > 1).map((c) => c.join(' + '));
  console.log(`\n${f.outcome}: ${f.studies.length} studies in ${f.clusters.length} independent clusters; status ${f.status}`);
  if (networks.length > 0) console.log(`  author networks counted once: ${networks.join('; ')}`);
}

// %% Certainty of each finding (Fisher's z; REML over one estimate per independent cohort)
console.log(`\n${formatResult(assessCertainty(byMeasure, { measureLabel: "Fisher's z" }))}`);

// %% Finer findings: adherence measure × conscientiousness measure. Which rest on one author network?
const fineRows = rows.map((r) => ({ ...r, subgroup: `${r.a_measure} adherence, ${r.c_measure} conscientiousness scale` }));
const fine = build(fineRows, 'subgroup');
for (const f of assessReplication(fine).findings) {
  const one = f.clusters.length === 1;
  const what = one ? (f.studies.length === 1 ? 'rests on ONE study' : 'rests on ONE author network') : `${f.clusters.length} independent clusters`;
  console.log(`- ${f.outcome}: ${f.studies.length} ${f.studies.length === 1 ? "study" : "studies"}, ${what} (${f.status})`);
}

// %% What would change the finding that rests on a single study
const single = assessReplication(fine).findings.find((f) => f.clusters.length === 1)!;
console.log(`\n${formatWhatWouldChange(whatWouldChange(fine, single))}`);

// %% Replication in the pooled analysis: the usual fit beside one estimate per author network
{
  const other = byMeasure.comparisons[1]!;
  const pooled = poolByCluster(byMeasure, other);
  console.log(`\n${other.outcome}:\n${pooled.reasons.map((r) => `  ${r}`).join('\n')}`);
  const svg = forestPlot(pooled.standard!, { clusters: pooled.forestClusters, notReplicated: pooled.notReplicated, title: "Conscientiousness and adherence (other measures)", axisTitle: "Fisher's z of the correlation" });
  const outDir = new URL('../out/', import.meta.url);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(new URL('conscientiousness-adherence-forest.svg', outDir), svg);
  console.log('Wrote out/conscientiousness-adherence-forest.svg (studies of one author network share a letter and a colour)');
}

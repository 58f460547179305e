// Markdown and text renderings of the seed's replication findings.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assessReplication } from '../../src/evidence/assess-replication.ts';
import { replicationEvidenceTable } from '../../src/report/replication-evidence-table.ts';
import { replicationMarkdown } from '../../src/report/replication-markdown.ts';
import { replicationText } from '../../src/report/replication-text.ts';

const seed = JSON.parse(readFileSync(new URL('../../datasets/conditioned-medium-hair-loss.json', import.meta.url), 'utf8'));
const assessment = assessReplication(seed);

describe('replication reports', () => {
  it('Markdown: a summary row per comparison, every reason as a bullet, the overlap', () => {
    const md = replicationMarkdown(assessment);
    const rows = md.split('\n').filter((l) => l.startsWith('| ADSC') || l.startsWith('| exosome'));
    expect(rows).toHaveLength(4);
    expect(rows[0]).toBe(
      '| ADSC conditioned medium vs placebo (additional hairs per cm², 6 months) | **not independently replicated** | Korean RCT 2022, Seoul follow-up 2024 | {Korean RCT 2022, Seoul follow-up 2024} | — |',
    );
    expect(rows[3]).toContain('| **pending** | — | — | US Phase 2 trials of exosome-based products (due) |');
    for (const f of assessment.findings) for (const r of f.reasons) expect(md).toContain(`- ${r}`);
    expect(md).toContain('- **Korean RCT 2022, Seoul follow-up 2024** (identical-arm-summaries): ');
    expect(replicationMarkdown(assessment, { headingLevel: 3 }).startsWith('### Replication findings\n')).toBe(true);
  });

  it('text: wrapped at the width, every word of every reason kept', () => {
    const text = replicationText(assessment, 80);
    expect(text.split('\n')[0]).toBe('ADSC conditioned medium vs placebo (additional hairs per cm², 6 months)');
    expect(text.split('\n')[1]).toBe('  status: not independently replicated');
    for (const line of text.split('\n')) if (line.startsWith('  - ') || line.startsWith('    ')) expect(line.length).toBeLessThanOrEqual(80);
    const words = (s: string) => s.split(/\s+/).filter(Boolean);
    const flat = words(text).join(' ');
    for (const f of assessment.findings) for (const r of f.reasons) expect(flat).toContain(words(r).join(' '));
  });

  it('evidence table: every study and arm with its quote, unknowns as dashes', () => {
    const table = replicationEvidenceTable(seed);
    expect(table).toContain('| Korean RCT 2022 | 2022 | Seoul National University |');
    expect(table).toContain('| US Phase 2 trials of exosome-based products | — | unnamed US Phase 2 sponsors |');
    expect(table).toContain('| Seoul follow-up 2024 | placebo | additional hairs per cm² | — | — | — | — | "Both outperformed placebo." [seed] |');
    expect(table.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Study')).length).toBe(3 + 8);
  });
});

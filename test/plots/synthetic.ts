// Deterministic synthetic meta-analyses of any size for the layout tests (k from 1 to 500).
import { metaAnalysis } from '../../src/index.ts';
import type { MetaAnalysisResult } from '../../src/index.ts';

const LONG = 'Multicentre randomised controlled trial of the intervention in adults';

/** k studies with effects spread around 0.3 and variances 0.01–0.2 (no randomness). */
export function syntheticStudies(k: number, options: { longLabels?: boolean } = {}) {
  const yi = Array.from({ length: k }, (_, i) => 0.3 + 0.4 * Math.sin(1.7 * i + 0.3) + 0.15 * Math.cos(5.1 * i));
  const vi = Array.from({ length: k }, (_, i) => 0.01 + 0.19 * ((Math.sin(2.3 * i + 1) + 1) / 2));
  const labels = Array.from({ length: k }, (_, i) => (options.longLabels && i % 3 === 0 ? `${LONG} ${i + 1}` : `Study ${i + 1}`));
  return { yi, vi, labels };
}

export function syntheticFit(k: number, options: { longLabels?: boolean; method?: 'REML' | 'EE' | 'DL' } = {}): MetaAnalysisResult {
  return metaAnalysis(syntheticStudies(k, options), { method: options.method ?? 'REML' });
}

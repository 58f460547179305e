import { normalCdf, normalSf } from '../../distributions/normal.ts';
import type { SelectionAlternative } from './selection-types.ts';

/**
 * The p-value of a study's test of H0: θᵢ = 0 from zᵢ = yᵢ/√vᵢ, as selection models use it
 * (metafor's `selmodel`): 1 − Φ(zᵢ) for `greater`, Φ(zᵢ) for `less`, 2·(1 − Φ(|zᵢ|)) for
 * `two.sided`, each from the survival function where it is a tail.
 *
 * @example
 * studyPValue(1.959963984540054, 1, 'greater') // => 0.025
 * studyPValue(-1, 4, 'two.sided') // => 0.617075077451974
 */
export function studyPValue(y: number, v: number, alternative: SelectionAlternative): number {
  const z = y / Math.sqrt(v);
  if (alternative === 'greater') return normalSf(z);
  if (alternative === 'less') return normalCdf(z);
  return 2 * normalSf(Math.abs(z));
}

/** The counts of the studies that enter a GLMM fit, after omissions (index-aligned). */
export interface GlmmData {
  readonly k: number;
  /** Row-major k×p design (moderators centred and scaled; column 0 the intercept). */
  readonly x: Float64Array;
  readonly p: number;
  /** OR: the 2x2 cells; IRR: a = x1i, c = x2i events with person-times t1, t2; PLO/IRLN: a = xi. */
  readonly a: Float64Array;
  readonly b: Float64Array;
  readonly c: Float64Array;
  readonly d: Float64Array;
  readonly t1: Float64Array;
  readonly t2: Float64Array;
}

/** Parameters of a GLMM likelihood: the studies' terms, where θ starts, where the SDs sit. */
export interface GlmmDesign {
  readonly studies: readonly import('./study-likelihood.ts').StudyTerms[];
  readonly start: Float64Array;
  /** Global index of τ (the SD of the random effect on the measure), null in the EE form. */
  readonly tauIndex: number | null;
  /** Global index of σ (UM.RS: the SD of the random study intercepts), else null. */
  readonly sigmaIndex: number | null;
  /** Quadrature nodes per random effect (1 = Laplace). */
  readonly nodes: number;
}

/** Row i of the design as a Float64Array, optionally followed by `extra` values. */
export function designRow(data: GlmmData, i: number, ...extra: number[]): Float64Array {
  const row = new Float64Array(data.p + extra.length);
  for (let j = 0; j < data.p; j++) row[j] = data.x[i * data.p + j]!;
  extra.forEach((v, j) => { row[data.p + j] = v; });
  return row;
}

/** Indices 0..n−1 followed by `extra`, as an Int32Array. */
export function indexRange(n: number, ...extra: number[]): Int32Array {
  return Int32Array.from([...Array.from({ length: n }, (_, j) => j), ...extra]);
}

/** log(y / (n − y)) with ½ added to both when either is 0 (a finite starting value). */
export function startingLogit(y: number, n: number): number {
  const add = y === 0 || y === n ? 0.5 : 0;
  return Math.log((y + add) / (n - y + add));
}

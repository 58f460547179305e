// Dense linear algebra for the tests' reference computations: plain arrays, written apart from
// src/ (which never forms a k×k matrix), so that the engine is checked against something else.

/** Solves A·X = B (A n×n, B n×m) by Gaussian elimination with partial pivoting; also log|A|. */
export function denseSolve(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): { x: number[][]; logDet: number } {
  const n = a.length;
  const m = a.map((row, i) => [...row, ...b[i]!]);
  const cols = b[0]!.length;
  let logDet = 0;
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[piv]![c]!)) piv = r;
    [m[c], m[piv]] = [m[piv]!, m[c]!];
    logDet += Math.log(Math.abs(m[c]![c]!));
    for (let r = c + 1; r < n; r++) {
      const f = m[r]![c]! / m[c]![c]!;
      for (let t = c; t < n + cols; t++) m[r]![t]! -= f * m[c]![t]!;
    }
  }
  const x = Array.from({ length: n }, () => new Array<number>(cols).fill(0));
  for (let j = 0; j < cols; j++) {
    for (let c = n - 1; c >= 0; c--) {
      let s = m[c]![n + j]!;
      for (let t = c + 1; t < n; t++) s -= m[c]![t]! * x[t]![j]!;
      x[c]![j] = s / m[c]![c]!;
    }
  }
  return { x, logDet };
}

/** Integer codes for a vector of labels, in order of first appearance. */
export interface LabelIndex {
  /** Code (0-based) of each element. */
  readonly codes: Int32Array;
  /** The distinct labels; `levels[codes[i]]` is element i's label. */
  readonly levels: readonly string[];
}

/**
 * Codes labels 0, 1, 2, … in order of first appearance (a factor whose levels keep the data's
 * order). O(n) with a hash map.
 *
 * @param labels  one label per element (already validated strings)
 * @example
 * indexLabels(['b', 'a', 'b']) // => { codes: Int32Array [0, 1, 0], levels: ['b', 'a'] }
 */
export function indexLabels(labels: readonly string[]): LabelIndex {
  const seen = new Map<string, number>();
  const codes = new Int32Array(labels.length);
  const levels: string[] = [];
  labels.forEach((label, i) => {
    let code = seen.get(label);
    if (code === undefined) {
      code = levels.length;
      seen.set(label, code);
      levels.push(label);
    }
    codes[i] = code;
  });
  return { codes, levels };
}

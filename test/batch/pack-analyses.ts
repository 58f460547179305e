/** Packs analyses into the flat arrays of `metaAnalysisBatch`: rows and their offsets. */
export function pack(analyses: readonly { readonly yi: readonly number[]; readonly vi: readonly number[] }[]) {
  const yi: number[] = [];
  const vi: number[] = [];
  const offsets = [0];
  for (const a of analyses) {
    yi.push(...a.yi);
    vi.push(...a.vi);
    offsets.push(yi.length);
  }
  return { yi: Float64Array.from(yi), vi: Float64Array.from(vi), offsets };
}

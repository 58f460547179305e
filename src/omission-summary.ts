/** How many omitted rows a warning list names one by one before it summarises the rest. */
export const MAX_LISTED_OMISSIONS = 10;

const OMITTED = ' omitted: ';

/**
 * Keeps a warning list readable when many rows are omitted: the first
 * {@link MAX_LISTED_OMISSIONS} "Row i omitted: reason" warnings stay, the others become one
 * summary warning that counts them by reason (the five most frequent reasons are named).
 * Other warnings are kept as they are, in order. Every row stays accounted for: the summary
 * gives the total.
 *
 * @example
 * const w = Array.from({ length: 12 }, (_, i) => `Row ${i + 1} omitted: vi missing.`);
 * summariseOmissions(w).length // => 11
 * summariseOmissions(w)[10]    // => '… and 2 more rows omitted (vi missing: 2); 12 rows omitted in all.'
 */
export function summariseOmissions(warnings: readonly string[]): string[] {
  const total = warnings.reduce((n, w) => n + (w.includes(OMITTED) ? 1 : 0), 0);
  if (total <= MAX_LISTED_OMISSIONS) return [...warnings];
  const out: string[] = [];
  const reasons = new Map<string, number>();
  let listed = 0;
  for (const w of warnings) {
    if (!w.includes(OMITTED)) out.push(w);
    else if (listed < MAX_LISTED_OMISSIONS) {
      out.push(w);
      listed++;
    } else {
      const reason = w.slice(w.indexOf(OMITTED) + OMITTED.length).replace(/\.$/, '');
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
  }
  const top = [...reasons].sort((a, b) => b[1] - a[1]);
  const named = top.slice(0, 5).map(([r, n]) => `${r}: ${n}`);
  if (top.length > 5) named.push(`${top.length - 5} other reasons`);
  out.push(`… and ${total - listed} more rows omitted (${named.join('; ')}); ${total} rows omitted in all.`);
  return out;
}

/**
 * An input row that a model left out, and why: the counterpart of the evidence layer's
 * `OmittedRow` (`{ field, row, study, reason }`) for the models. `field` names the missing
 * input (`yi`, `vi`, `yi, vi`, `moderators.x`, `groups`, ...), `row` is 1-based in the input,
 * `study` the row's label (`row N` without labels). Every result that drops rows lists them in
 * `omitted`, in input order, all of them (the `warnings` name only the first
 * {@link MAX_LISTED_OMISSIONS} and summarise the rest).
 */
export interface OmittedInputRow {
  readonly field: string;
  readonly row: number;
  readonly study: string;
  readonly reason: string;
}

/**
 * One omitted row, frozen.
 *
 * @example
 * omittedInputRow(2, 'Smith', 'vi', 'vi missing') // => { field: 'vi', row: 3, study: 'Smith', reason: 'vi missing' }
 */
export function omittedInputRow(index: number, study: string, field: string, reason: string): OmittedInputRow {
  return Object.freeze({ field, row: index + 1, study, reason });
}

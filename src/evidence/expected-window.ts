// Parsing of expected-results dates as people write them. Internal to `results-timing.ts` and `loadEvidence`.

/** First and last ISO day covered by a date or window. */
export interface DayWindow {
  readonly from: string;
  readonly to: string;
}

/** A parsed date (`window`, and `display`: how a report writes it) or why it is not one. */
export type ReadWindow = { readonly window: DayWindow; readonly display: string } | { readonly problem: string };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** early = January–April, mid = May–August, late = September–December (thirds of the year). */
const THIRDS: Record<string, readonly [number, number]> = { early: [1, 4], mid: [5, 8], late: [9, 12] };

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeap(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** ISO day `YYYY-MM-DD`, the year padded to four digits (so `0999` sorts before `2026`). */
function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function months(year: number, first: number, last: number): DayWindow {
  return { from: iso(year, first, 1), to: iso(year, last, daysInMonth(year, last)) };
}

/** One period (a day, a month, a quarter, a half, a third or a year), or why not. */
function period(text: string): DayWindow | string {
  let m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (m) {
    const year = Number(m[1]);
    if (m[2] === undefined) return months(year, 1, 12);
    const month = Number(m[2]);
    if (month < 1 || month > 12) {
      const years = `${m[1]}–${m[1]!.slice(0, 2)}${m[2]}`;
      return `month ${m[2]} does not exist${m[3] === undefined && month > 12 ? ` (for the years ${years}, write "${years}")` : ''}`;
    }
    if (m[3] === undefined) return months(year, month, month);
    const day = Number(m[3]);
    if (day < 1 || day > daysInMonth(year, month)) return `${text} is not a day of the calendar`;
    return { from: iso(year, month, day), to: iso(year, month, day) };
  }
  if ((m = /^(early|mid|late)[\s-]?(\d{4})$/i.exec(text))) {
    const [first, last] = THIRDS[m[1]!.toLowerCase()]!;
    return months(Number(m[2]), first, last);
  }
  if ((m = /^([qh])([1-4])[\s-]?(\d{4})$/i.exec(text) ?? /^(\d{4})[\s-]?([qh])([1-4])$/i.exec(text))) {
    const [kind, n, year] = /^\d/.test(m[1]!) ? [m[2]!, Number(m[3]), Number(m[1])] : [m[1]!, Number(m[2]), Number(m[3])];
    const size = kind.toLowerCase() === 'q' ? 3 : 6;
    if (n > 12 / size) return `${text}: a year has only ${12 / size} ${size === 3 ? 'quarters' : 'halves'}`;
    return months(year, (n - 1) * size + 1, n * size);
  }
  if ((m = /^([a-z]+)\.?\s(\d{4})$/i.exec(text))) {
    const month = MONTHS.indexOf(m[1]!.slice(0, 3).toLowerCase()) + 1;
    const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'][month - 1];
    if (month > 0 && (m[1]!.length === 3 || m[1]!.toLowerCase() === full || m[1]!.toLowerCase() === 'sept')) return months(Number(m[2]), month, month);
  }
  return `"${text}" is not a date`;
}

const ACCEPTED =
  'accepted: YYYY, YYYY-MM, YYYY-MM-DD, Q1–Q4 or H1–H2 YYYY, early/mid/late YYYY, Month YYYY, or a window of two of those ("2026–2027", "2026-2027", "2026/2027", "2026-03 to 2026-09")';

/** Splits a window into its two ends, or returns null when the text has no separator. */
function ends(text: string): [string, string] | string | null {
  if (/^\d{1,2}\s*[/.-]\s*\d{4}$|^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(text)) {
    return `"${text}" is ambiguous (numeric day, month and year orders differ between countries): write YYYY-MM or YYYY-MM-DD`;
  }
  const years = /^(\d{4})-(\d{4})$/.exec(text);
  if (years) return [years[1]!, years[2]!];
  if (/^\d{4}\s*[/–—‒―−]\s*\d{2}$|^\d{4}\s+-\s+\d{2}$/.test(text)) {
    return `"${text}" is ambiguous (a two-digit year, or a month?): write the end year in full, e.g. "${text.slice(0, 4)}–${text.slice(0, 2)}${text.slice(-2)}"`;
  }
  const parts = text.split(/\s*[/–—‒―−]\s*|\s+-\s+|\s+to\s+/i);
  if (parts.length === 1) return null;
  if (parts.length > 2) return `"${text}" has more than two ends`;
  return [parts[0]!, parts[1]!];
}

/**
 * Reads an expected-results date as people write it. Accepted (case and spacing ignored):
 * `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `Q1 2027` / `2027-Q1`, `H2 2026`, `early|mid|late 2027`
 * (January–April, May–August, September–December), `March 2027` / `Mar 2027`, and a window of
 * two of those separated by `/`, an en or em dash, a spaced hyphen or `to` (`2026–2027`,
 * `2026/2027`), or by a hyphen between two bare years (`2026-2027`). Ambiguous forms are
 * refused with the reason: `2026-27` (month or year?), `03/2027` (day–month order).
 */
export function readExpectedWindow(raw: string): ReadWindow {
  const text = raw.normalize('NFKC').replace(/[\s\u0085]+/gu, ' ').trim();
  const split = ends(text);
  if (typeof split === 'string') return { problem: `${split}; ${ACCEPTED}` };
  if (split === null) {
    const one = period(text);
    return typeof one === 'string' ? { problem: `${one}; ${ACCEPTED}` } : { window: one, display: text };
  }
  const [a, b] = split.map(period) as [DayWindow | string, DayWindow | string];
  if (typeof a === 'string' || typeof b === 'string') return { problem: `${typeof a === 'string' ? a : b}; ${ACCEPTED}` };
  if (b.to < a.from) return { problem: `the window "${text}" ends before it starts` };
  return { window: { from: a.from, to: b.to }, display: `${split[0]}–${split[1]}` };
}

/** `true` for a valid calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && typeof period(text) !== 'string';
}

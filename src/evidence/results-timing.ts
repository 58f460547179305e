/** Where an ongoing study stands against the date its results were expected. */
export type ResultsTimingStatus = 'upcoming' | 'due' | 'overdue' | 'unknown';

/** How an expected-results date compares with the evidence base's `asOf` date. */
export interface ResultsTiming {
  /**
   * `upcoming`: `asOf` is before the expected window; `due`: inside it; `overdue`: after it;
   * `unknown`: no date given.
   */
  readonly status: ResultsTimingStatus;
  /** The expected window as first and last ISO day, `null` when no date is given. */
  readonly window: { readonly from: string; readonly to: string } | null;
  /** The date as people write it (`2026–2027`, `2026-12`), `null` when not given. */
  readonly display: string | null;
}

const PART = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** First and last ISO day of a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` period; `null` if malformed. */
function period(text: string): { from: string; to: string } | null {
  const m = PART.exec(text.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2] === undefined) return { from: `${year}-01-01`, to: `${year}-12-31` };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  const last = daysInMonth(year, month);
  if (m[3] === undefined) return { from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(last)}` };
  const day = Number(m[3]);
  if (day < 1 || day > last) return null;
  const iso = `${year}-${pad(month)}-${pad(day)}`;
  return { from: iso, to: iso };
}

/**
 * Parses an expected-results date: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or a window `start/end`
 * (an en dash also separates them). Returns the first and last day covered, or `null` when the
 * text is not such a date or the window ends before it starts.
 *
 * @example
 * parseExpectedWindow('2026/2027') // => { from: '2026-01-01', to: '2027-12-31' }
 * parseExpectedWindow('2026-12')   // => { from: '2026-12-01', to: '2026-12-31' }
 */
export function parseExpectedWindow(text: string): { from: string; to: string } | null {
  const parts = text.split(/[/–]/);
  if (parts.length > 2) return null;
  const start = period(parts[0] ?? '');
  const end = period(parts[1] ?? parts[0] ?? '');
  if (!start || !end || end.to < start.from) return null;
  return { from: start.from, to: end.to };
}

/** `true` for a valid calendar date written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  const p = /^\d{4}-\d{2}-\d{2}$/.test(text) ? period(text) : null;
  return p !== null;
}

/**
 * Judges when an ongoing study's results were expected against the `asOf` date (both ISO
 * strings, compared as calendar days): before the window `upcoming`, inside it `due`, after its
 * last day `overdue`; with no date `unknown`. A malformed date counts as no date (`loadEvidence`
 * rejects malformed dates before this is reached).
 *
 * @example
 * resultsTiming('2026/2027', '2026-11-25') // => { status: 'due', window: { from: '2026-01-01', to: '2027-12-31' }, display: '2026–2027' }
 * resultsTiming('2026-06', '2026-11-25')   // => { status: 'overdue', ... }
 */
export function resultsTiming(resultsExpected: string | null, asOf: string): ResultsTiming {
  const window = resultsExpected === null ? null : parseExpectedWindow(resultsExpected);
  if (resultsExpected === null || window === null) {
    return Object.freeze({ status: 'unknown', window: null, display: null });
  }
  const status: ResultsTimingStatus = asOf < window.from ? 'upcoming' : asOf > window.to ? 'overdue' : 'due';
  const display = resultsExpected.trim().replace(/\s*[/–]\s*/, '–');
  return Object.freeze({ status, window: Object.freeze(window), display });
}

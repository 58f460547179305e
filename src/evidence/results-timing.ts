import { InputError } from '../errors.ts';
import { isIsoDate, readExpectedWindow } from './expected-window.ts';

export { isIsoDate } from './expected-window.ts';

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

function checkText(text: unknown, field: string): asserts text is string {
  if (typeof text !== 'string') throw new InputError('must be a string', { field, value: text, code: 'E_INVALID_TYPE' });
}

/**
 * Parses an expected-results date as people write it: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`,
 * `Q1 2027`, `H2 2026`, `early|mid|late 2027` (January–April, May–August,
 * September–December), `March 2027`, or a window of two of those (`2026–2027`, `2026-2027`,
 * `2026/2027`, `2026-03 to 2026-09`). Returns the first and last day covered, or `null` when
 * the text is not such a date, is ambiguous (`2026-27`, `03/2027`) or the window ends before it
 * starts (`loadEvidence` says which). Years have four digits and compare as dates (`0999` is
 * before `2026`). The window is a new frozen object.
 *
 * @throws {InputError} when `text` is not a string.
 * @example
 * parseExpectedWindow('2026–2027') // => { from: '2026-01-01', to: '2027-12-31' }
 * parseExpectedWindow('mid-2027')  // => { from: '2027-05-01', to: '2027-08-31' }
 * parseExpectedWindow('2026-27')   // => null (ambiguous)
 */
export function parseExpectedWindow(text: string): { readonly from: string; readonly to: string } | null {
  checkText(text, 'resultsExpected');
  const read = readExpectedWindow(text);
  return 'window' in read ? Object.freeze({ ...read.window }) : null;
}

/**
 * Judges when an ongoing study's results were expected against the `asOf` date (ISO
 * `YYYY-MM-DD`), compared as calendar days: before the window `upcoming`, inside it `due`,
 * after its last day `overdue`; with no date (`null`) `unknown`. Dates are read by
 * `parseExpectedWindow`.
 *
 * @throws {InputError} when `asOf` is not an ISO date or `resultsExpected` is neither `null`
 *   nor a date `parseExpectedWindow` reads (the message says why, e.g. ambiguous).
 * @example
 * resultsTiming('2026/2027', '2026-11-25') // => { status: 'due', window: { from: '2026-01-01', to: '2027-12-31' }, display: '2026–2027' }
 * resultsTiming('2026-06', '2026-11-25')   // => { status: 'overdue', ... }
 */
export function resultsTiming(resultsExpected: string | null, asOf: string): ResultsTiming {
  checkText(asOf, 'asOf');
  if (!isIsoDate(asOf)) throw new InputError('must be an ISO date YYYY-MM-DD', { field: 'asOf', value: asOf, code: 'E_INVALID_TYPE' });
  if (resultsExpected === null) return Object.freeze({ status: 'unknown', window: null, display: null });
  checkText(resultsExpected, 'resultsExpected');
  const read = readExpectedWindow(resultsExpected);
  if ('problem' in read) throw new InputError(read.problem, { field: 'resultsExpected', value: resultsExpected });
  const { window, display } = read;
  const status: ResultsTimingStatus = asOf < window.from ? 'upcoming' : asOf > window.to ? 'overdue' : 'due';
  return Object.freeze({ status, window: Object.freeze({ ...window }), display });
}

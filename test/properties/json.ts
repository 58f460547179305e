// The JSON round trip of a result (DESIGN.md: results are frozen plain objects that survive
// JSON.stringify; NaN marks an unusable effect-size row and reads back as null).
import { expect } from 'vitest';
import { formatResult, resultKind, type ResultKind } from '../../src/index.ts';

/** r as JSON sees it: NaN → null, typed arrays → arrays, undefined fields dropped. */
function asJsonSees(value: unknown): unknown {
  if (typeof value === 'number') return Number.isNaN(value) ? null : value;
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>, asJsonSees);
  if (Array.isArray(value)) return value.map((x) => (x === undefined ? null : asJsonSees(x)));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function').map(([k, v]) => [k, asJsonSees(v)]));
  }
  return value;
}

/** Paths of ±Infinity: JSON would turn them into null silently, so no result may hold one. */
function infinities(value: unknown, path = '$'): string[] {
  if (typeof value === 'number') return Number.isFinite(value) || Number.isNaN(value) ? [] : [path];
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => infinities(v, `${path}.${k}`));
  return [];
}

/**
 * JSON.parse(JSON.stringify(result)) deep-equals the result once NaN is read as null; no
 * ±Infinity anywhere; and formatResult prints the parsed copy exactly as the original.
 */
export function roundTrips(name: string, result: unknown): void {
  const copy: unknown = JSON.parse(JSON.stringify(result));
  expect(copy, name).toEqual(asJsonSees(result));
  expect(infinities(result), `${name}: ±Infinity does not survive JSON`).toEqual([]);
  const kind: ResultKind | null = resultKind(result);
  if (kind !== null) {
    expect(resultKind(copy), name).toBe(kind);
    expect(formatResult(copy as never), name).toBe(formatResult(result as never));
  }
}


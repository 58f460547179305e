// The battery of bad values the adversarial test puts in place of each argument and of each
// field of an argument: wrong types, missing values, non-finite numbers, sparse and lying
// array-likes, cyclic and frozen objects. Each is built fresh for every call (a callee that
// mutated one must not spoil the next call).

// one shared instance: building 1e6 empty slots for every call would dominate the run time
const EMPTY_LONG_ARRAY: unknown[] = new Array(1e6);

/** name → a fresh bad value (the long empty array is shared). */
export const BAD_VALUES: Readonly<Record<string, () => unknown>> = {
  null: () => null,
  undefined: () => undefined,
  'empty object': () => ({}),
  'empty array': () => [],
  // eslint-disable-next-line no-sparse-arrays
  'sparse array': () => [1, , 3],
  // eslint-disable-next-line no-sparse-arrays
  'sparse array of objects': () => [{ a: 1 }, , { a: 2 }],
  'array of null': () => [null, null],
  NaN: () => NaN,
  Infinity: () => Infinity,
  '-Infinity': () => -Infinity,
  'negative number': () => -1,
  zero: () => 0,
  'huge number': () => 1.7e308,
  'non-integer': () => 2.5,
  'empty string': () => '',
  string: () => 'x',
  'numeric string': () => '1',
  'string "NA"': () => 'NA',
  'long string': () => 'x'.repeat(10_000),
  true: () => true,
  'array-like of length 1e9': () => ({ length: 1e9 }),
  'array-like of length 1e9 with an entry': () => ({ length: 1e9, 0: 1 }),
  'array-like of length 2^32': () => ({ length: 2 ** 32 }),
  'array of length 1e6 with no entries': () => EMPTY_LONG_ARRAY,
  'cyclic object': () => {
    const o: Record<string, unknown> = { a: 1 };
    o.self = o;
    return o;
  },
  'cyclic array': () => {
    const a: unknown[] = [1];
    a.push(a);
    return a;
  },
  'frozen object': () => Object.freeze({ a: 1 }),
  'frozen array': () => Object.freeze([1, 2]),
  'object without prototype': () => Object.create(null) as object,
  Map: () => new Map([['a', 1]]),
  Set: () => new Set([1]),
  Date: () => new Date(0),
  function: () => () => 1,
  symbol: () => Symbol('bad'),
  bigint: () => 10n,
  'array of strings': () => ['a', 'b'],
  'array of NaN': () => [NaN, NaN],
  'nested empty object': () => ({ a: {} }),
};

/**
 * The part of the battery put into each field of an object argument and into the first entry of
 * an array argument (results have dozens of fields: the whole battery there would take minutes).
 */
export const FIELD_BAD_VALUES: readonly string[] = [
  'null', 'undefined', 'empty object', 'sparse array', 'NaN', 'Infinity', 'huge number', 'string',
  'array-like of length 1e9', 'cyclic object', 'object without prototype', 'symbol',
];

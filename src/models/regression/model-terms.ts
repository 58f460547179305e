import { InputError } from '../../errors.ts';
import { isMissing, labelText } from '../../missing.ts';
import { isCategorical } from './categorical-moderator.ts';

/** A variable of a meta-regression: numeric, or a factor with its levels (reference first). */
export interface ModelVariable {
  readonly name: string;
  readonly type: 'numeric' | 'factor';
  /** Factor levels in coding order, the reference level first; `[]` for a numeric variable. */
  readonly levels: readonly string[];
}

/** One part of a design column: a numeric variable (`level` null) or the indicator of a factor level. */
export interface ColumnPart {
  readonly variable: string;
  readonly level: string | null;
}

/** One column of the design (the intercept excluded): the product of its parts, named as R names it. */
export interface DesignColumn {
  /** R's name: `ablat`, `allocrandom`, `ablat:year`, `allocrandom:ablat`. */
  readonly name: string;
  /** The term it belongs to (`alloc`, `ablat:year`). */
  readonly term: string;
  readonly parts: readonly ColumnPart[];
}

/**
 * How the design of a meta-regression is built from its variables (JSON-serialisable), so that
 * `predict` can code new moderator values exactly as the model was coded.
 */
export interface ModelTerms {
  readonly intercept: boolean;
  /** The variables, in order of first appearance. */
  readonly variables: readonly ModelVariable[];
  /** Term labels in model order (main effects first, then interactions by degree, as R's `terms`). */
  readonly terms: readonly string[];
  /** The design columns after the intercept, in coefficient order. */
  readonly columns: readonly DesignColumn[];
}

/** What the user wrote: term labels, where each variable's values come from, and factor settings. */
export interface TermSpec {
  /** Term labels: `x`, `a:b` (interaction) or `a*b` (main effects and their interaction). */
  readonly terms: readonly string[];
  readonly intercept: boolean;
  /** Values of a variable (index-aligned with the studies); throws when the variable is unknown. */
  readonly values: (name: string) => ArrayLike<unknown>;
  /** Reference level per factor (R's `relevel`). */
  readonly reference?: Readonly<Record<string, unknown>>;
  /** Level order per variable, making it a factor (R's `factor(x, levels = )`). */
  readonly levels?: Readonly<Record<string, readonly unknown[]>>;
  readonly studies?: readonly string[];
  /** Labels taken as one variable name as they stand (the keys of a record of moderators). */
  readonly atomic?: ReadonlySet<string>;
}

/** The terms, and the design columns (NaN where a variable is missing) of length n. */
export interface BuiltTerms {
  readonly terms: ModelTerms;
  readonly columns: readonly Float64Array[];
  /** Per variable, whether each row's value is missing (1) or present (0). */
  readonly missing: ReadonlyMap<string, Uint8Array>;
}

/**
 * Builds the design columns of a meta-regression from term labels, as R's `model.matrix` does
 * for `~ terms` (Chambers & Hastie, 1992, Statistical Models in S, ch. 2; R's `terms.formula`):
 *
 * - `a*b` expands to `a + b + a:b`; variables are ordered by first appearance, terms by degree
 *   (main effects, then two-way interactions, …), duplicates dropped;
 * - a variable of strings or booleans, or one with `levels`, is a factor: levels sorted (or in
 *   the order given), `reference` first;
 * - a factor in a term is coded by contrasts (one 0/1 column per non-reference level) when the
 *   term without it is empty or contained in an earlier term, else by indicators of all levels;
 *   without an intercept, the first factor of the first term holding one is coded by indicators
 *   (R's `TermCode`), so `intercept: false` with a factor gives one coefficient per level;
 * - a column of an interaction is the product of its parts, named by joining them with `:`
 *   (`ablat:year`, `allocrandom:ablat`); the first variable's levels vary fastest.
 *
 * @throws InputError for an empty or malformed term, a variable without values or named
 *   `intercept`, values of the wrong length, mixed numbers and text, a factor with fewer than
 *   two levels, a reference or level list that does not match the data.
 * @example
 * const built = buildTerms({ terms: ['x*g'], intercept: true,
 *   values: (name) => (name === 'x' ? [1, 2, 3, 4] : ['a', 'b', 'a', 'b']) });
 * built.terms.columns.map((c) => c.name) // => ['x', 'gb', 'x:gb']
 */
export function buildTerms(spec: TermSpec): BuiltTerms {
  const labels = expandTerms(spec.terms, spec.atomic ?? new Set());
  const order: string[] = [];
  for (const t of labels) for (const v of t) if (!order.includes(v)) order.push(v);
  const terms = dedupe(labels.map((t) => [...t].sort((a, b) => order.indexOf(a) - order.indexOf(b))))
    .map((t, i) => ({ t, i }))
    .sort((a, b) => a.t.length - b.t.length || a.i - b.i)
    .map(({ t }) => t);
  const read = new Map(order.map((name) => [name, readVariable(name, spec)] as const));
  const coding = codeFactors(terms, order, read, spec.intercept);
  const columns: DesignColumn[] = [];
  terms.forEach((term, ti) => {
    let parts: ColumnPart[][] = [[]];
    for (const v of term) {
      const variable = read.get(v)!.variable;
      const levels = variable.type === 'numeric' ? [null] : coding[ti]!.get(v) === 'contrasts' ? variable.levels.slice(1) : variable.levels;
      const next: ColumnPart[][] = [];
      for (const level of levels) for (const p of parts) next.push([...p, { variable: v, level }]);
      parts = next;
    }
    for (const p of parts) {
      columns.push({ name: p.map((q) => q.variable + (q.level ?? '')).join(':'), term: term.join(':'), parts: p });
    }
  });
  const n = spec.values(order[0]!).length;
  const values = columns.map((c) => columnValues(c.parts.map((part) => ({ read: read.get(part.variable)!, level: part.level })), n));
  const frozenColumns = columns.map((c) => Object.freeze({ ...c, parts: Object.freeze(c.parts.map((q) => Object.freeze(q))) }));
  return {
    terms: Object.freeze({
      intercept: spec.intercept,
      variables: Object.freeze(order.map((v) => { const x = read.get(v)!.variable; return Object.freeze({ ...x, levels: Object.freeze([...x.levels]) }); })),
      terms: Object.freeze(terms.map((t) => t.join(':'))),
      columns: Object.freeze(frozenColumns),
    }),
    columns: values,
    missing: new Map(order.map((v) => [v, read.get(v)!.missing])),
  };
}

interface ReadVariable {
  readonly variable: ModelVariable;
  readonly numbers: Float64Array | null;
  readonly labels: readonly (string | null)[] | null;
  /** 1 where the row's value is missing. */
  readonly missing: Uint8Array;
}

/** A design column: the product of its parts, NaN where a variable is missing. */
function columnValues(parts: readonly { read: ReadVariable; level: string | null }[], n: number): Float64Array {
  if (parts.length === 1 && parts[0]!.level === null) {
    // one numeric variable: its values (NaN where missing), copied in one loop
    const { missing, numbers } = parts[0]!.read;
    if (missing.indexOf(1) < 0) return numbers!.slice(); // nothing missing: a copy of the memory
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = missing[i] ? NaN : numbers![i]!;
    return out;
  }
  const out = new Float64Array(n).fill(1);
  for (const { read, level } of parts) {
    const { missing, numbers, labels } = read;
    if (level === null) {
      for (let i = 0; i < n; i++) out[i] = missing[i] ? NaN : out[i]! * numbers![i]!;
    } else {
      for (let i = 0; i < n; i++) out[i] = missing[i] ? NaN : labels![i] === level ? out[i]! : out[i]! * 0;
    }
  }
  return out;
}

/** Splits `a*b` and `a:b` labels into variable sets (a*b*c → all non-empty subsets by degree). */
function expandTerms(labels: readonly string[], atomic: ReadonlySet<string>): string[][] {
  const out: string[][] = [];
  labels.forEach((label, idx) => {
    if (typeof label !== 'string' || label.trim() === '') {
      throw new InputError('each moderator term must be a non-empty name such as "ablat", "ablat:year" or "alloc*ablat"', { field: `moderators[${idx}]`, value: label });
    }
    if (atomic.has(label)) {
      out.push([label]);
      return;
    }
    const factors = label.split('*').map((f) => f.split(':').map((v) => v.trim()));
    if (factors.some((f) => f.some((v) => v === ''))) {
      throw new InputError(`malformed term "${label}": write variables joined by ":" (interaction) or "*" (main effects and interaction)`, { field: 'moderators' });
    }
    const subsets: string[][] = [];
    for (let mask = 1; mask < 1 << factors.length; mask++) {
      subsets.push(factors.filter((_, j) => mask & (1 << j)).flat());
    }
    subsets.sort((a, b) => a.length - b.length);
    out.push(...subsets.map((s) => [...new Set(s)]));
  });
  return out;
}

function dedupe(terms: string[][]): string[][] {
  const seen = new Set<string>();
  return terms.filter((t) => {
    const key = [...t].sort().join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function readVariable(name: string, spec: TermSpec): ReadVariable {
  const field = `moderators.${name}`;
  if (name === 'intercept') {
    throw new InputError('"intercept" is reserved for the intercept, which every model includes unless intercept: false; rename the moderator', { field });
  }
  const values = spec.values(name);
  const n = values.length;
  const given = spec.levels?.[name];
  const factor = given !== undefined || isCategorical(name, values, spec.studies);
  if (!factor && values instanceof Float64Array) return numericVariable(name, values, spec);
  const missing = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const x = values[i];
    if (typeof x === 'number' ? Number.isNaN(x) : isMissing(x)) missing[i] = 1;
  }
  if (!factor) {
    const numbers = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const x = values[i];
      if (missing[i]) { numbers[i] = NaN; continue; }
      if (typeof x !== 'number' || !Number.isFinite(x)) {
        throw new InputError(`moderator "${name}" must hold finite numbers or category labels`, { field, row: i + 1, study: spec.studies?.[i], value: x });
      }
      numbers[i] = x;
    }
    if (spec.reference?.[name] !== undefined) {
      throw new InputError(`moderator "${name}" is numeric, so it has no reference level; give its levels to make it a factor`, { field: `reference.${name}` });
    }
    return { variable: { name, type: 'numeric', levels: [] }, numbers, labels: null, missing };
  }
  const labels = Array.from({ length: n }, (_, i) => {
    const text = labelText(values[i]);
    if (text === undefined) throw new InputError(`moderator "${name}" must hold numbers or category labels`, { field, row: i + 1, study: spec.studies?.[i], value: values[i] });
    return text;
  });
  const present = [...new Set(labels.filter((l): l is string => l !== null))];
  let levels = given === undefined ? present.sort((a, b) => a.localeCompare(b)) : given.map((l) => labelText(l));
  if (levels.some((l) => l === null || l === undefined)) throw new InputError(`levels of "${name}" must be labels`, { field: `levels.${name}` });
  const unknown = present.find((l) => !levels.includes(l));
  if (unknown !== undefined) {
    throw new InputError(`value "${unknown}" of moderator "${name}" is not among its levels (${levels.join(', ')})`, { field: `levels.${name}` });
  }
  const ref = spec.reference?.[name];
  if (ref !== undefined) {
    const r = labelText(ref);
    if (r === null || r === undefined || !levels.includes(r)) {
      throw new InputError(`reference level of "${name}" must be one of its levels (${levels.join(', ')})`, { field: `reference.${name}`, value: ref });
    }
    levels = [r, ...levels.filter((l) => l !== r)];
  }
  if (levels.length < 2) {
    throw new InputError(`categorical moderator "${name}" needs at least two levels; it has ${levels.length === 0 ? 'none' : `only "${levels[0]}"`}`, { field });
  }
  return { variable: { name, type: 'factor', levels: levels as string[] }, numbers: null, labels, missing };
}

/**
 * A numeric moderator given as a Float64Array (the large-k case): NaN is missing, every other
 * value is a number (infinities were refused by the caller); one tight loop, no copy.
 */
function numericVariable(name: string, values: Float64Array, spec: TermSpec): ReadVariable {
  if (spec.reference?.[name] !== undefined) {
    throw new InputError(`moderator "${name}" is numeric, so it has no reference level; give its levels to make it a factor`, { field: `reference.${name}` });
  }
  const n = values.length;
  const missing = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (values[i] !== values[i]) missing[i] = 1;
  return { variable: { name, type: 'numeric', levels: [] }, numbers: values, labels: null, missing };
}

/** Per term, how each factor in it is coded (R's TermCode and the no-intercept rule). */
function codeFactors(
  terms: readonly string[][], order: readonly string[], read: ReadonlyMap<string, ReadVariable>, intercept: boolean,
): Map<string, 'contrasts' | 'indicators'>[] {
  const isFactor = (v: string) => read.get(v)!.variable.type === 'factor';
  const coding = terms.map((term, ti) => new Map(term.filter(isFactor).map((v) => {
    const margin = term.filter((u) => u !== v);
    const earlier = margin.length === 0 || terms.slice(0, ti).some((t) => margin.every((u) => t.includes(u)));
    return [v, earlier ? 'contrasts' : 'indicators'] as const;
  })));
  if (!intercept) {
    const ti = terms.findIndex((t) => t.some(isFactor));
    if (ti >= 0) {
      const first = [...terms[ti]!].filter(isFactor).sort((a, b) => order.indexOf(a) - order.indexOf(b))[0]!;
      coding[ti]!.set(first, 'indicators');
    }
  }
  return coding;
}

/**
 * One design row (the intercept excluded) for new values of the model's variables, coded as the
 * model was: numbers for numeric variables, one of the levels for a factor.
 *
 * @param values variable name → value
 * @throws InputError naming the variable that is missing, not a number, or not a known level
 * @example
 * const built = buildTerms({ terms: ['g'], intercept: true, values: () => ['a', 'b', 'c'] });
 * designRow(built.terms, { g: 'c' }, 'newmods') // => [0, 1]
 */
export function designRow(terms: ModelTerms, values: Readonly<Record<string, unknown>>, field: string): number[] {
  const parsed = new Map<string, number | string>();
  for (const v of terms.variables) {
    const x = values[v.name];
    if (isMissing(x)) throw new InputError(`needs a value of moderator "${v.name}"`, { field: `${field}.${v.name}`, value: x });
    if (v.type === 'numeric') {
      if (typeof x !== 'number' || !Number.isFinite(x)) throw new InputError(`moderator "${v.name}" is numeric: give a finite number`, { field: `${field}.${v.name}`, value: x });
      parsed.set(v.name, x);
    } else {
      const text = labelText(x);
      if (text === null || text === undefined || !v.levels.includes(text)) {
        throw new InputError(`"${v.name}" is a factor: give one of its levels (${v.levels.join(', ')})`, { field: `${field}.${v.name}`, value: x });
      }
      parsed.set(v.name, text);
    }
  }
  return terms.columns.map((c) => c.parts.reduce((acc, part) => {
    const x = parsed.get(part.variable)!;
    return acc * (part.level === null ? (x as number) : x === part.level ? 1 : 0);
  }, 1));
}

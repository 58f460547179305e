/**
 * Reads the `@example` blocks of the TSDoc in src/, turns each into a runnable module and compares
 * the results it states with the values the code returns. The convention is written down in
 * tsdoc-examples.test.ts; this file holds the parser, the module builder and the comparison.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** One `@example` block. */
export interface Example {
  /** Path relative to the repository root, e.g. `src/models/meta-analysis.ts`. */
  readonly file: string;
  /** 1-based line of the `@example` tag. */
  readonly line: number;
  /** The example's text, comment decoration (` * `) removed. */
  readonly text: string;
}

/** A stated result: the expression it belongs to ends on code line `line` (0-based). */
export interface StatedResult {
  readonly line: number;
  readonly text: string;
}

/** An example split into code (result comments removed) and its stated results. */
export interface SplitExample {
  readonly code: string;
  readonly results: readonly StatedResult[];
}

const RESULT_MARK = '// =>';

/** Every `@example` block of every .ts file below `dir` (sorted by path). */
export function collectExamples(root: string, dir = 'src'): Example[] {
  const out: Example[] = [];
  for (const file of listTs(join(root, dir))) {
    const rel = relative(root, file);
    const source = readFileSync(file, 'utf8');
    for (const block of source.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
      const startLine = source.slice(0, block.index).split('\n').length;
      out.push(...examplesInComment(block[0], rel, startLine));
    }
  }
  return out;
}

/** The .ts files below `dir`, sorted, recursively. */
export function listTs(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listTs(full));
    else if (entry.name.endsWith('.ts')) out.push(full);
  }
  return out;
}

function examplesInComment(comment: string, file: string, firstLine: number): Example[] {
  const lines = comment.split('\n').map((l) => l.replace(/^\s*\/?\*\*?\/?\s?/, '').replace(/\s*\*\/$/, ''));
  const out: Example[] = [];
  let current: { line: number; body: string[] } | null = null;
  const flush = () => {
    if (current !== null) out.push({ file, line: current.line, text: current.body.join('\n').trim() });
    current = null;
  };
  lines.forEach((l, i) => {
    const tag = /^@(\w+)\s?(.*)$/.exec(l.trim());
    if (tag !== null) {
      flush();
      if (tag[1] === 'example') current = { line: firstLine + i, body: tag[2] ? [tag[2]] : [] };
      return;
    }
    current?.body.push(l);
  });
  flush();
  return out;
}

/**
 * Splits an example into code and stated results. `code // => value` states the value of the
 * expression statement ending on that line; a line holding only `// => value` states the value of
 * the statement just before it; comment lines right after a `// =>` line continue the value.
 */
export function splitExample(text: string): SplitExample {
  const code: string[] = [];
  const results: { line: number; text: string }[] = [];
  let continuing = false;
  for (const raw of text.split('\n')) {
    const mark = raw.indexOf(RESULT_MARK);
    if (continuing && mark < 0 && raw.trim().startsWith('//')) {
      results[results.length - 1]!.text += ' ' + raw.trim().slice(2).trim();
      continue;
    }
    continuing = false;
    if (mark < 0) {
      code.push(raw);
      continue;
    }
    const before = raw.slice(0, mark);
    if (before.trim() !== '') code.push(before);
    let line = code.length - 1;
    while (line >= 0 && (code[line]!.trim() === '' || code[line]!.trim().startsWith('//'))) line--;
    if (line < 0) throw new Error(`"${raw.trim()}" states a result before any code`);
    results.push({ line, text: raw.slice(mark + RESULT_MARK.length).trim() });
    continuing = true;
  }
  return { code: code.join('\n'), results };
}

/** Names an example uses without declaring them (to be imported from src). */
export function freeNames(code: string): string[] {
  const sf = ts.createSourceFile('example.ts', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const used = new Set<string>();
  const declared = new Set<string>();
  const declare = (name: ts.BindingName) => {
    if (ts.isIdentifier(name)) declared.add(name.text);
    else for (const el of name.elements) if (!ts.isOmittedExpression(el)) declare(el.name);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) || ts.isParameter(node) || ts.isBindingElement(node)) declare(node.name);
    if ((ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) && node.name) declared.add(node.name.text);
    if (ts.isImportClause(node) && node.name) declared.add(node.name.text);
    if (ts.isImportSpecifier(node) || ts.isNamespaceImport(node)) declared.add(node.name.text);
    if (ts.isIdentifier(node)) {
      const p = node.parent;
      const isPropertyName =
        (ts.isPropertyAccessExpression(p) && p.name === node) ||
        (ts.isPropertyAssignment(p) && p.name === node) ||
        (ts.isBindingElement(p) && p.propertyName === node) ||
        ts.isImportSpecifier(p) ||
        (ts.isMethodDeclaration(p) && p.name === node) ||
        ts.isTypeReferenceNode(p) ||
        ts.isQualifiedName(p);
      if (!isPropertyName) used.add(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return [...used].filter((n) => !declared.has(n)).sort();
}

/**
 * The example as a module: each stated result's expression statement becomes
 * `try { __results[i] = { returned: (expression) } } catch (e) { __results[i] = { thrown: e } }`,
 * so that the module exports what each statement returned or threw.
 */
export function instrument(split: SplitExample): string {
  const sf = ts.createSourceFile('example.ts', split.code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const lineOf = (pos: number) => sf.getLineAndCharacterOfPosition(pos).line;
  const edits: { start: number; end: number; text: string }[] = [];
  split.results.forEach((r, i) => {
    const statement = sf.statements.find((s) => lineOf(s.getEnd()) === r.line && lineOf(s.getStart(sf)) <= r.line);
    if (statement === undefined || !ts.isExpressionStatement(statement)) {
      throw new Error(`the result "${r.text}" does not follow an expression statement (code line ${r.line + 1})`);
    }
    if (edits.some((e) => e.start === statement.getStart(sf))) throw new Error(`two results for one expression (code line ${r.line + 1})`);
    const expression = statement.expression.getText(sf);
    const text = `try { __results[${i}] = { returned: (${expression}) }; } catch (__e) { __results[${i}] = { thrown: __e }; }`;
    edits.push({ start: statement.getStart(sf), end: statement.getEnd(), text });
  });
  let out = split.code;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** Rewrites an example's own imports (paths from the repository root, `./src/...`) for a module in `dir`. */
export function rewriteImports(code: string, root: string, dir: string): string {
  return code.replace(/(from\s+|import\s+)(['"])\.\/([^'"]+)\2/g, (_, kw: string, q: string, path: string) => {
    let rel = relative(dir, join(root, path));
    if (!rel.startsWith('.')) rel = './' + rel;
    return `${kw}${q}${rel}${q}`;
  });
}

/** Relative import specifier from a module in `fromDir` to `file`. */
export function importPath(fromDir: string, file: string): string {
  const rel = relative(fromDir, file);
  return rel.startsWith('.') ? rel : './' + rel;
}


// ---------------------------------------------------------------------------------------------
// Stated values

/** A stated value, parsed. */
export type Stated =
  | { readonly kind: 'number'; readonly value: number; readonly tolerance: number; readonly text: string }
  | { readonly kind: 'exact'; readonly value: string | boolean | null | undefined }
  | { readonly kind: 'pattern'; readonly pieces: readonly string[]; readonly text: string }
  | { readonly kind: 'throws'; readonly name: string; readonly message: Stated | null }
  | { readonly kind: 'nan' }
  | { readonly kind: 'array'; readonly items: readonly Stated[]; readonly open: boolean; readonly typed: string | null }
  | { readonly kind: 'object'; readonly entries: readonly (readonly [string, Stated])[]; readonly open: boolean };

const NUMBER = /^[+-]?(?:\d+(?:\.(\d+))?|\.(\d+))(?:[eE]([+-]?\d+))?(\.\.\.|…)?/;
const TYPED = /^(Float64Array|Float32Array|Int32Array|Uint32Array|Int8Array|Uint8Array)\s*(?=\[)/;

/**
 * Parses a stated result: a literal followed by nothing or by a note in parentheses.
 * Numbers count at the digits shown: `0.2846` claims |x − 0.2846| ≤ 0.00005 (half a unit in the
 * last digit shown); a trailing `...` or `…` marks a truncated number (within one unit).
 */
export function parseStated(text: string): Stated {
  const p = { s: text, i: 0 };
  const value = parseValue(p);
  skipSpace(p);
  const rest = p.s.slice(p.i).trim();
  if (rest !== '' && !rest.startsWith('(')) throw new Error(`after the stated value comes "${rest}": put notes in parentheses`);
  return value;
}

interface Cursor {
  s: string;
  i: number;
}

function skipSpace(p: Cursor): void {
  while (p.i < p.s.length && /\s/.test(p.s[p.i]!)) p.i++;
}

function parseValue(p: Cursor): Stated {
  skipSpace(p);
  const rest = p.s.slice(p.i);
  const typed = TYPED.exec(rest);
  if (typed !== null) {
    p.i += typed[0].length;
    const arr = parseValue(p);
    if (arr.kind !== 'array') throw new Error(`${typed[1]} must be followed by [...]`);
    return { ...arr, typed: typed[1]! };
  }
  const c = rest[0];
  if (c === '[') return parseArray(p);
  if (c === '{') return parseObject(p);
  if (c === "'" || c === '"') return stringValue(parseString(p));
  const throws = /^throws\s+([A-Za-z]+)\s*/.exec(rest);
  if (throws !== null) {
    p.i += throws[0].length;
    const next = p.s[p.i];
    const message = next === "'" || next === '"' ? stringValue(parseString(p)) : null;
    return { kind: 'throws', name: throws[1]!, message };
  }
  for (const [word, value] of [['true', true], ['false', false], ['null', null], ['undefined', undefined]] as const) {
    if (rest.startsWith(word) && !/\w/.test(rest[word.length] ?? '')) {
      p.i += word.length;
      return { kind: 'exact', value };
    }
  }
  if (rest.startsWith('NaN')) {
    p.i += 3;
    return { kind: 'nan' };
  }
  const inf = /^([+-]?)Infinity/.exec(rest);
  if (inf !== null) {
    p.i += inf[0].length;
    return { kind: 'number', value: inf[1] === '-' ? -Infinity : Infinity, tolerance: 0, text: inf[0] };
  }
  const num = NUMBER.exec(rest);
  if (num !== null && num[0] !== '' && /\d/.test(num[0])) {
    p.i += num[0].length;
    const truncated = num[4] !== undefined;
    const digits = (num[1] ?? num[2] ?? '').length;
    const exponent = num[3] === undefined ? 0 : Number(num[3]);
    const literal = truncated ? num[0].slice(0, num[0].length - num[4]!.length) : num[0];
    const unit = 10 ** (exponent - digits);
    return { kind: 'number', value: Number(literal), tolerance: truncated ? unit : unit / 2, text: num[0] };
  }
  throw new Error(`cannot read a value at "${rest.slice(0, 30)}"`);
}

/** A stated string; `…` inside it stands for any text (the pieces must appear in order). */
function stringValue(text: string): Stated {
  return text.includes('…') ? { kind: 'pattern', pieces: text.split('…'), text } : { kind: 'exact', value: text };
}

function parseString(p: Cursor): string {
  const quote = p.s[p.i]!;
  let out = '';
  p.i++;
  while (p.i < p.s.length && p.s[p.i] !== quote) {
    if (p.s[p.i] === '\\') {
      p.i++;
      const escaped = p.s[p.i] ?? '';
      out += escaped === 'n' ? '\n' : escaped === 't' ? '\t' : escaped;
    } else {
      out += p.s[p.i];
    }
    p.i++;
  }
  if (p.s[p.i] !== quote) throw new Error('unterminated string');
  p.i++;
  return out;
}

function isEllipsis(p: Cursor): boolean {
  skipSpace(p);
  for (const e of ['...', '…']) {
    if (p.s.startsWith(e, p.i)) {
      p.i += e.length;
      return true;
    }
  }
  return false;
}

/** Consumes `,` or the closing bracket; returns true at the end. */
function separator(p: Cursor, close: string): boolean {
  skipSpace(p);
  if (p.s[p.i] === ',') {
    p.i++;
    skipSpace(p);
    if (p.s[p.i] === close) {
      p.i++;
      return true;
    }
    return false;
  }
  if (p.s[p.i] === close) {
    p.i++;
    return true;
  }
  throw new Error(`expected "," or "${close}" at "${p.s.slice(p.i, p.i + 20)}"`);
}

function parseArray(p: Cursor): Stated {
  p.i++;
  const items: Stated[] = [];
  let open = false;
  skipSpace(p);
  if (p.s[p.i] === ']') {
    p.i++;
    return { kind: 'array', items, open, typed: null };
  }
  for (;;) {
    if (isEllipsis(p)) open = true;
    else items.push(parseValue(p));
    if (separator(p, ']')) break;
  }
  return { kind: 'array', items, open, typed: null };
}

function parseObject(p: Cursor): Stated {
  p.i++;
  const entries: [string, Stated][] = [];
  let open = false;
  skipSpace(p);
  if (p.s[p.i] === '}') {
    p.i++;
    return { kind: 'object', entries, open };
  }
  for (;;) {
    if (isEllipsis(p)) open = true;
    else {
      skipSpace(p);
      let key: string;
      if (p.s[p.i] === "'" || p.s[p.i] === '"') key = parseString(p);
      else {
        const m = /^[A-Za-z_$][\w$]*/.exec(p.s.slice(p.i));
        if (m === null) throw new Error(`expected a key at "${p.s.slice(p.i, p.i + 20)}"`);
        key = m[0];
        p.i += key.length;
      }
      skipSpace(p);
      if (p.s[p.i] !== ':') throw new Error(`expected ":" after key ${key}`);
      p.i++;
      entries.push([key, parseValue(p)]);
    }
    if (separator(p, '}')) break;
  }
  return { kind: 'object', entries, open };
}

/** Where `actual` disagrees with the stated value, one message per difference (empty: agrees). */
export function compareStated(actual: unknown, stated: Stated, path = 'value'): string[] {
  switch (stated.kind) {
    case 'nan':
      return typeof actual === 'number' && Number.isNaN(actual) ? [] : [`${path}: got ${show(actual)}, stated NaN`];
    case 'exact':
      return Object.is(actual, stated.value) ? [] : [`${path}: got ${show(actual)}, stated ${show(stated.value)}`];
    case 'pattern':
      return typeof actual === 'string' && matchesPieces(actual, stated.pieces) ? [] : [`${path}: got ${show(actual)}, stated ${show(stated.text)}`];
    case 'throws':
      return [`${path}: returned ${show(actual)}, stated that it throws ${stated.name}`];
    case 'number': {
      if (typeof actual !== 'number') return [`${path}: got ${show(actual)}, stated the number ${stated.text}`];
      if (!Number.isFinite(stated.value)) return actual === stated.value ? [] : [`${path}: got ${actual}, stated ${stated.text}`];
      const ok = Math.abs(actual - stated.value) <= stated.tolerance * (1 + 1e-9);
      return ok ? [] : [`${path}: got ${actual}, stated ${stated.text} (to ±${stated.tolerance.toExponential(1)})`];
    }
    case 'array':
      return compareArray(actual, stated, path);
    case 'object':
      return compareObject(actual, stated, path);
  }
}

/** Whether `text` starts with the first piece, ends with the last, and holds the others in order. */
function matchesPieces(text: string, pieces: readonly string[]): boolean {
  const first = pieces[0] ?? '';
  const last = pieces[pieces.length - 1] ?? '';
  if (!text.startsWith(first) || !text.endsWith(last) || text.length < first.length + last.length) return false;
  let at = first.length;
  for (const piece of pieces.slice(1, -1)) {
    const found = text.indexOf(piece, at);
    if (found < 0 || found + piece.length > text.length - last.length) return false;
    at = found + piece.length;
  }
  return true;
}

/** Compares what an example's statement did (returned or threw) with the stated result. */
export function compareOutcome(outcome: { returned?: unknown; thrown?: unknown }, stated: Stated, path = 'value'): string[] {
  if ('thrown' in outcome) {
    const e = outcome.thrown as { name?: unknown; message?: unknown } | null;
    if (stated.kind !== 'throws') return [`${path}: threw ${String(e?.name)}: ${String(e?.message)}`];
    if (e?.name !== stated.name) return [`${path}: threw ${String(e?.name)}, stated ${stated.name}`];
    return stated.message === null ? [] : compareStated(e.message, stated.message, `${path}.message`);
  }
  return compareStated(outcome.returned, stated, path);
}

function compareArray(actual: unknown, stated: Extract<Stated, { kind: 'array' }>, path: string): string[] {
  if (stated.typed !== null) {
    const name = (actual as { constructor?: { name?: string } } | null)?.constructor?.name;
    if (!ArrayBuffer.isView(actual) || name !== stated.typed) return [`${path}: got ${show(actual)}, stated a ${stated.typed}`];
  } else if (!Array.isArray(actual)) {
    return [`${path}: got ${show(actual)}, stated an array`];
  }
  const items = Array.from(actual as ArrayLike<unknown>);
  if (stated.open ? items.length < stated.items.length : items.length !== stated.items.length) {
    return [`${path}: got ${items.length} elements, stated ${stated.items.length}${stated.open ? ' or more' : ''}`];
  }
  return stated.items.flatMap((s, i) => compareStated(items[i], s, `${path}[${i}]`));
}

function compareObject(actual: unknown, stated: Extract<Stated, { kind: 'object' }>, path: string): string[] {
  if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) return [`${path}: got ${show(actual)}, stated an object`];
  const record = actual as Record<string, unknown>;
  const out: string[] = [];
  for (const [key, s] of stated.entries) {
    if (!(key in record)) out.push(`${path}.${key}: missing`);
    else out.push(...compareStated(record[key], s, `${path}.${key}`));
  }
  if (!stated.open) {
    const extra = Object.keys(record).filter((k) => !stated.entries.some(([key]) => key === k));
    if (extra.length > 0) out.push(`${path}: has ${extra.join(', ')} beyond the stated keys (add "..." to leave them out)`);
  }
  return out;
}

function show(x: unknown): string {
  if (ArrayBuffer.isView(x)) return `${x.constructor.name} [${Array.from(x as unknown as ArrayLike<number>).join(', ')}]`;
  if (typeof x === 'string') return JSON.stringify(x);
  try {
    return JSON.stringify(x) ?? String(x);
  } catch {
    return String(x);
  }
}

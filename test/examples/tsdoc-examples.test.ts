// Every `@example` in the TSDoc of src/ runs, and every result it states is what the call returns.
//
// The convention for examples (every example in src/ follows it; this test enforces it):
//
// 1. An example is TypeScript that runs as it stands. It may use, without importing them, the
//    exports of its own file, of src/index.ts and of any other module of src/ (looked up in that
//    order). Anything else is imported in the example itself, with paths from the repository
//    root: `import seed from './datasets/conditioned-medium-hair-loss.json' with { type: 'json' };`
// 2. Every example states at least one result. A result is a comment `// => value` after an
//    expression statement: on the same line (`hedgesCorrection(18) // => 0.95764642702372`), or
//    on the line after the statement's last line. Comment lines right after a `// =>` line
//    continue the value (for long objects). One result per statement.
// 3. The value is a literal: a number, a string in quotes, true, false, null, undefined, NaN,
//    Infinity, an array `[...]`, a typed array `Float64Array [1, 2]`, or an object `{ k: v }`.
//    Anything after the literal is a note and goes in parentheses: `// => 18 (metafor: fsn gives 18)`.
//    In a stated string, `…` stands for any text: `'Random-Effects Model…p-val = 2.00e-26…'` claims
//    the string starts and ends with those pieces and holds them in that order.
//    A statement that throws states `// => throws InputError` or `// => throws InputError 'message'`
//    (the message may use `…` as above).
// 4. Numbers are claimed to the digits shown: `0.2846` means the value rounds to 0.2846 (within
//    half a unit of the last digit shown, here ±0.00005); `0.2846…` or `0.2846...` means it is
//    truncated there (within one unit). Show as many digits as you mean: `2` claims 1.5 ≤ x ≤ 2.5.
//    Where the number is a metafor quantity, it is metafor's (check in R, say so in the note).
// 5. `...` (or `…`) inside an object stands for keys not shown; as an element of an array, for
//    elements not shown after those listed. Without it, an object must have exactly the keys
//    shown and an array exactly the elements shown.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  collectExamples, compareOutcome, freeNames, importPath, instrument, listTs, parseStated, rewriteImports, splitExample,
} from './examples.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const generated = join(root, 'test/examples/.generated');
rmSync(generated, { recursive: true, force: true });
mkdirSync(generated, { recursive: true });

const examples = collectExamples(root);
/** Every module of src/, for looking up the names an example uses. */
const srcFiles = listTs(join(root, 'src')).map((f) => relative(root, f));

const exportsCache = new Map<string, Promise<Record<string, unknown>>>();
function exportsOf(file: string): Promise<Record<string, unknown>> {
  let p = exportsCache.get(file);
  if (p === undefined) {
    p = import(pathToFileURL(join(root, file)).href) as Promise<Record<string, unknown>>;
    exportsCache.set(file, p);
  }
  return p;
}

/** The module that provides `name`: the example's own file, src/index.ts, then any src module. */
async function provider(name: string, own: string): Promise<string | undefined> {
  for (const file of [own, 'src/index.ts', ...srcFiles]) {
    if (name in (await exportsOf(file))) return file;
  }
  return undefined;
}

describe('TSDoc examples', () => {
  it('finds the examples of src/', () => {
    expect(examples.length).toBeGreaterThan(150);
  });

  examples.forEach((ex, n) => {
    const first = ex.text.split('\n').find((l) => l.trim() !== '' && !l.trim().startsWith('//')) ?? '';
    it(`${ex.file}:${ex.line} ${first.trim().slice(0, 70)}`, async () => {
      const split = splitExample(ex.text);
      expect(split.results.length, 'an example states at least one result (// => value)').toBeGreaterThan(0);
      const stated = split.results.map((r) => parseStated(r.text));
      const imports = new Map<string, string[]>();
      for (const name of freeNames(split.code)) {
        const file = await provider(name, ex.file);
        if (file !== undefined) imports.set(file, [...(imports.get(file) ?? []), name]);
      }
      const moduleText = [
        ...[...imports].map(([file, names]) => `import { ${names.join(', ')} } from '${importPath(generated, join(root, file))}';`),
        'export const __results: unknown[] = [];',
        rewriteImports(instrument(split), root, generated),
        '',
      ].join('\n');
      const path = join(generated, `example-${n}.ts`);
      writeFileSync(path, moduleText);
      const mod = (await import(pathToFileURL(path).href)) as { __results: unknown[] };
      const problems = stated.flatMap((s, i) =>
        compareOutcome(mod.__results[i] as { returned?: unknown; thrown?: unknown }, s).map((m) => `result ${i + 1} ("${split.results[i]!.text}"): ${m}`),
      );
      expect(problems, `${relative(root, path)}\n${problems.join('\n')}`).toEqual([]);
    });
  });
});

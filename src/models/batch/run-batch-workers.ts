import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { batchColumns, BATCH_COLUMNS, type BatchColumns } from './batch-columns.ts';
import type { BatchSettings } from './fit-batch-range.ts';

/**
 * Fits a validated batch on `workers` worker threads: the analyses are cut into contiguous
 * shares of about equal numbers of rows, each worker gets copies of its rows (transferred, so
 * each row is copied once) and returns its columns, which are written into one result. Under
 * tsx (TypeScript sources) the workers load tsx themselves.
 *
 * @example
 * const settings = { method: 'DL', test: 'z', level: 0.95, control: DEFAULT_TAU2_CONTROL } as const;
 * const r = await runBatchWorkers(new Float64Array([0, 2, 4, 1, 3]), new Float64Array([1, 1, 1, 1, 1]), new Float64Array([0, 3, 5]), settings, 2);
 * r.columns.tau2 // => Float64Array [3, 1]
 */
export async function runBatchWorkers(
  yi: Float64Array,
  vi: Float64Array,
  offsets: Float64Array,
  settings: BatchSettings,
  workers: number,
): Promise<{ columns: BatchColumns; warnings: (readonly string[])[] }> {
  const m = offsets.length - 1;
  const n = offsets[m]!;
  const cuts = [0];
  for (let w = 1; w < workers; w++) {
    const target = (n * w) / workers;
    let j = cuts[cuts.length - 1]!;
    while (j < m && offsets[j]! < target) j++;
    cuts.push(j);
  }
  cuts.push(m);
  const source = workerSource();
  const shares = [];
  for (let w = 0; w < cuts.length - 1; w++) {
    const from = cuts[w]!;
    const to = cuts[w + 1]!;
    if (to <= from) continue;
    const start = offsets[from]!;
    const end = offsets[to]!;
    const job = {
      yi: yi.slice(start, end),
      vi: vi.slice(start, end),
      offsets: offsets.slice(from, to + 1).map((o) => o - start),
      settings,
    };
    shares.push(new Promise<{ from: number; columns: BatchColumns; warnings: (readonly string[])[] }>((resolve, reject) => {
      const worker = new Worker(source.code, { eval: source.eval, workerData: job, transferList: [job.yi.buffer, job.vi.buffer, job.offsets.buffer] });
      worker.once('message', (r: { columns: BatchColumns; warnings: (readonly string[])[] }) => {
        resolve({ from, ...r });
        void worker.terminate();
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`a batch worker stopped (exit code ${code}) before returning its analyses`)));
    }));
  }
  const columns = batchColumns(m);
  const warnings: (readonly string[])[] = new Array<readonly string[]>(m);
  for (const share of await Promise.all(shares)) {
    for (const name of BATCH_COLUMNS) columns[name].set(share.columns[name], share.from);
    share.warnings.forEach((w, i) => (warnings[share.from + i] = w));
  }
  return { columns, warnings };
}

/**
 * The worker's code: the compiled `batch-worker.js` beside this file, or, when running from the
 * TypeScript sources (tsx, vitest), a small script that registers tsx's loader in the worker and
 * then imports `batch-worker.ts`.
 */
function workerSource(): { code: string | URL; eval: boolean } {
  if (!import.meta.url.endsWith('.ts')) return { code: new URL('./batch-worker.js', import.meta.url), eval: false };
  // the ESM build of tsx's API (its "import" export), beside the CommonJS one require resolves
  const api = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const entry = new URL('./batch-worker.ts', import.meta.url).href;
  return { code: `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`, eval: true };
}

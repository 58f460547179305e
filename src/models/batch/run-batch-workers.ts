import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { batchColumns, BATCH_COLUMNS, type BatchColumns } from './batch-columns.ts';
import { NO_WARNINGS } from './batch-kernel.ts';
import type { SharedBatchJob, SharedBatchReply } from './batch-worker.ts';
import type { BatchSettings } from './fit-batch-range.ts';

/** Most analyses one claim takes (small enough to balance threads that get unequal shares of a loaded machine). */
const MAX_CHUNK = 2048;

/** Idle workers kept for later batches (unref'd: they never keep the process alive). */
const idle: Worker[] = [];
let nextJob = 1;

/**
 * Fits a validated batch on `workers` worker threads without copying it to each: the rows,
 * offsets and result columns live in SharedArrayBuffers (the caller's own arrays are used as
 * they are when they already are shared), the threads claim chunks of analyses from a shared
 * counter (`Atomics.add`) until none is left, so a thread that gets less of a loaded machine
 * simply fits fewer chunks, and each writes its analyses straight into the shared columns and
 * returns only the warnings that are not empty. The workers stay alive, unref'd, for the next
 * batch: starting one costs far more than a batch of thousands of analyses (it loads the
 * library, and under tsx compiles it). Under tsx (TypeScript sources) the workers load tsx themselves.
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
  const out = sharedArray(BATCH_COLUMNS.length * m).fill(NaN);
  const job: SharedBatchJob = {
    id: nextJob++,
    yi: shared(yi),
    vi: shared(vi),
    offsets: shared(offsets),
    out,
    counter: new Int32Array(new SharedArrayBuffer(4)),
    chunk: Math.max(1, Math.min(MAX_CHUNK, Math.ceil(m / (8 * workers)))),
    settings,
  };
  const team = Array.from({ length: Math.max(1, Math.min(workers, m)) }, () => idle.pop() ?? startWorker());
  const replies = await Promise.all(team.map((worker) => runJob(worker, job)));
  const columns = batchColumns(m);
  BATCH_COLUMNS.forEach((name, c) => columns[name].set(out.subarray(c * m, (c + 1) * m)));
  const warnings = new Array<readonly string[]>(m).fill(NO_WARNINGS);
  for (const reply of replies) for (const [j, w] of reply.warnings) warnings[j] = w;
  return { columns, warnings };
}

/** Posts `job` to `worker` and waits for its reply; the worker goes back to the idle list, or is dropped if it failed. */
function runJob(worker: Worker, job: SharedBatchJob): Promise<SharedBatchReply> {
  return new Promise<SharedBatchReply>((resolve, reject) => {
    const done = () => {
      worker.unref();
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (reply: SharedBatchReply) => {
      if (reply.id !== job.id) return;
      done();
      idle.push(worker);
      resolve(reply);
    };
    const onError = (error: Error) => {
      done();
      void worker.terminate();
      reject(error);
    };
    const onExit = (code: number) => {
      done();
      reject(new Error(`a batch worker stopped (exit code ${code}) before returning its analyses`));
    };
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
    // a running job keeps the process alive; an idle worker does not
    worker.ref();
    worker.postMessage(job);
  });
}

function startWorker(): Worker {
  const source = workerSource();
  const worker = new Worker(source.code, { eval: source.eval });
  worker.unref();
  worker.on('exit', () => {
    const i = idle.indexOf(worker);
    if (i >= 0) idle.splice(i, 1);
  });
  return worker;
}

/** A Float64Array of n values in a SharedArrayBuffer. */
function sharedArray(n: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(8 * n));
}

/** `a` itself when it is a view of a SharedArrayBuffer, else a shared copy. */
function shared(a: Float64Array): Float64Array {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const copy = sharedArray(a.length);
  copy.set(a);
  return copy;
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

// Worker entry of `metaAnalysisBatch({ ..., workers })`. A worker stays alive for later batches
// (see run-batch-workers.ts). For each job it claims chunks of analyses from a shared counter
// until none is left, fits them with the batch kernel straight into the shared columns, and
// posts back only the warnings that are not empty, as [analysis, warnings] pairs.
import { parentPort } from 'node:worker_threads';
import { BATCH_COLUMNS, type BatchColumns } from './batch-columns.ts';
import { fitBatchRange, type BatchSettings } from './fit-batch-range.ts';

/** One batch as the workers share it: every array is a view of a SharedArrayBuffer. */
export interface SharedBatchJob {
  readonly id: number;
  readonly yi: Float64Array;
  readonly vi: Float64Array;
  readonly offsets: Float64Array;
  /** The columns, one after the other (m values each, in `BATCH_COLUMNS` order). */
  readonly out: Float64Array;
  /** counter[0]: the first analysis not yet claimed. */
  readonly counter: Int32Array;
  readonly chunk: number;
  readonly settings: BatchSettings;
}

/** A worker's answer: the job, and the warnings of its analyses that have any. */
export interface SharedBatchReply {
  readonly id: number;
  readonly warnings: [number, readonly string[]][];
}

/**
 * Fits the chunks of `job` this thread claims (`Atomics.add` on the shared counter) and returns
 * the warnings that are not empty.
 *
 * @example
 * const sab = (n: number) => new Float64Array(new SharedArrayBuffer(8 * n));
 * const yi = sab(3); yi.set([0, 0.2, 0.4]);
 * const vi = sab(3); vi.fill(0.01);
 * const offsets = sab(2); offsets.set([0, 3]);
 * const out = sab(BATCH_COLUMNS.length).fill(NaN);
 * fitSharedChunks({ id: 1, yi, vi, offsets, out, counter: new Int32Array(new SharedArrayBuffer(4)), chunk: 1, settings: { method: 'DL', test: 'z', level: 0.95, control: DEFAULT_TAU2_CONTROL } })
 * // => []
 * out[BATCH_COLUMNS.indexOf('tau2')] // => 0.03
 */
export function fitSharedChunks(job: SharedBatchJob): [number, readonly string[]][] {
  const m = job.offsets.length - 1;
  const columns = {} as BatchColumns;
  BATCH_COLUMNS.forEach((name, c) => (columns[name] = job.out.subarray(c * m, (c + 1) * m)));
  const warnings: (readonly string[])[] = [];
  const found: [number, readonly string[]][] = [];
  for (;;) {
    const from = Atomics.add(job.counter, 0, job.chunk);
    if (from >= m) break;
    const to = Math.min(m, from + job.chunk);
    fitBatchRange(job.yi, job.vi, job.offsets, from, to, columns, from, warnings, job.settings);
    for (let j = from; j < to; j++) {
      const w = warnings[j - from]!;
      if (w.length > 0) found.push([j, w]);
    }
  }
  return found;
}

if (parentPort !== null) {
  const port = parentPort;
  port.on('message', (job: SharedBatchJob) => {
    port.postMessage({ id: job.id, warnings: fitSharedChunks(job) } satisfies SharedBatchReply);
  });
}

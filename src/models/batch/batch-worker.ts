// Worker entry of `metaAnalysisBatch({ ..., workers })`: fits one contiguous share of the
// analyses and posts its columns back (their buffers transferred, not copied).
import { parentPort, workerData } from 'node:worker_threads';
import { batchColumns } from './batch-columns.ts';
import { fitBatchRange, type BatchSettings } from './fit-batch-range.ts';

const job = workerData as { yi: Float64Array; vi: Float64Array; offsets: Float64Array; settings: BatchSettings } | null;
if (parentPort !== null && job !== null && job !== undefined) {
  const m = job.offsets.length - 1;
  const columns = batchColumns(m);
  const warnings: (readonly string[])[] = new Array<readonly string[]>(m);
  fitBatchRange(job.yi, job.vi, job.offsets, 0, m, columns, 0, warnings, job.settings);
  parentPort.postMessage({ columns, warnings }, Object.values(columns).map((c) => c.buffer as ArrayBuffer));
}

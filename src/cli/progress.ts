import cliProgress from 'cli-progress';

/** Progress through the stages of a command. */
export interface Progress {
  /** Marks the start of the next stage. */
  step(label: string): void;
  /** Removes the bar. */
  done(): void;
}

const SILENT: Progress = Object.freeze({ step() {}, done() {} });

/**
 * A progress bar on `stream` (standard error) through `total` stages, drawn with cli-progress
 * and only when the stream is a terminal: pipes, files and CI logs get nothing. The bar is
 * cleared when the work is done, so only the report remains on screen.
 *
 * @example
 * import { PassThrough } from 'node:stream';
 * const pipe = new PassThrough(); // not a terminal
 * const progress = progressBar(pipe, 3);
 * progress.step('reading'); progress.step('fitting'); progress.done();
 * pipe.read() // => null (nothing was drawn)
 */
export function progressBar(stream: NodeJS.WritableStream & { isTTY?: boolean }, total: number): Progress {
  if (stream.isTTY !== true) return SILENT;
  const bar = new cliProgress.SingleBar({
    stream,
    format: 'pooled {bar} {value}/{total} {stage}',
    clearOnComplete: true,
    hideCursor: true,
    synchronousUpdate: true,
    fps: 30,
  }, cliProgress.Presets.shades_classic);
  let value = 0;
  let started = false;
  return {
    step(stage) {
      if (!started) {
        bar.start(total, 0, { stage });
        started = true;
      } else {
        value = Math.min(total, value + 1);
        bar.update(value, { stage });
      }
    },
    done() {
      if (!started) return;
      bar.update(total, { stage: 'done' });
      bar.stop();
    },
  };
}

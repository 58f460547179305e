import cliProgress from 'cli-progress';

/**
 * A progress callback that draws a cli-progress bar on standard error through `total` steps,
 * only when standard error is a terminal (pipes, files and CI logs get nothing); the bar is
 * cleared when the last step is reported.
 *
 * @example
 * terminalProgress(10, 'permutations')(10) // => undefined  (draws and clears a bar on a terminal only)
 */
export function terminalProgress(total: number, label: string): (done: number) => void {
  const stream = process.stderr as NodeJS.WriteStream & { isTTY?: boolean };
  if (stream.isTTY !== true) return () => {};
  const bar = new cliProgress.SingleBar({
    stream, format: `pooled ${label} {bar} {value}/{total}`, clearOnComplete: true, hideCursor: true, fps: 10,
  }, cliProgress.Presets.shades_classic);
  bar.start(total, 0);
  let last = 0;
  return (done) => {
    if (done >= total) {
      bar.update(total);
      bar.stop();
    } else if (done - last >= Math.max(1, total / 200)) {
      bar.update(done);
      last = done;
    }
  };
}

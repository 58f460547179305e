#!/usr/bin/env node
// The `pooled` command line (package.json "bin"). See src/cli/main.ts and `pooled --help`.
import { main } from './cli/main.ts';

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error; // `pooled … | head` closes the pipe early: not an error
});
process.exitCode = main(process.argv.slice(2), process);

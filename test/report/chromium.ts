/**
 * Headless Chromium for the report tests: a screenshot and the DOM as Chromium parsed it. Used
 * only when a Chromium binary is installed (Debian's `chromium`; .ci/run installs it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The Chromium binary, or null when none is installed. */
export const CHROMIUM: string | null = CANDIDATES.find((p) => existsSync(p)) ?? null;

function run(args: readonly string[]): string {
  const profile = mkdtempSync(join(tmpdir(), 'pooled-chromium-'));
  try {
    const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--hide-scrollbars', `--user-data-dir=${profile}`];
    const r = spawnSync(CHROMIUM!, [...flags, ...args], { encoding: 'utf8', timeout: 90_000, maxBuffer: 64 * 1024 * 1024 });
    if (r.status !== 0) throw new Error(`chromium failed (${r.status ?? r.signal}): ${r.stderr.slice(-2000)}`);
    return r.stdout;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Screenshot of an HTML file at the given window size, written to `png`; returns the PNG bytes. */
export function screenshot(html: string, png: string, width = 1200, height = 2400): Buffer {
  run([`--screenshot=${png}`, `--window-size=${width},${height}`, pathToFileURL(html).href]);
  return readFileSync(png);
}

/** The DOM after Chromium parsed the file (as `--dump-dom` prints it). */
export function dumpDom(html: string): string {
  return run(['--dump-dom', pathToFileURL(html).href]);
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.readUInt32BE(0) !== 0x89504e47 || png.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

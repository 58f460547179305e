import { InputError, numberCode } from '../errors.ts';
import { optionKeys } from '../check-options.ts';

/** Size and text options shared by the diagnostic plots. */
export interface PlotSizeOptions {
  /** Width of the SVG in px. */
  readonly width?: number;
  /** Height of the SVG in px. */
  readonly height?: number;
  /** Font size of all text in px (default 12). */
  readonly fontSize?: number;
  /** Title above the plot; `''` for none. */
  readonly title?: string;
  /** Decimals of printed numbers (default 2). */
  readonly digits?: number;
}

/** The valid keys of {@link PlotSizeOptions}. */
export const PLOT_SIZE_OPTION_KEYS = optionKeys<PlotSizeOptions>()('width', 'height', 'fontSize', 'title', 'digits');

/** {@link PlotSizeOptions} after validation and defaults. */
export interface ResolvedPlotSize {
  readonly width: number;
  readonly height: number;
  readonly fontSize: number;
  readonly title: string;
  readonly digits: number;
}

/**
 * Validates the size options of a plot and fills in the plot's own defaults.
 *
 * @throws InputError naming the option when a width or height is not a number of at least 120 px
 *   (at most 20,000), a font size is outside 4–72 px, `digits` is not an integer in 0–10, or the
 *   title is not a string.
 * @example
 * resolvePlotSize({ width: 500 }, { width: 640, height: 480, title: 'Baujat plot' }).height // => 480
 */
export function resolvePlotSize(
  options: PlotSizeOptions,
  defaults: { readonly width: number; readonly height: number; readonly title: string },
): ResolvedPlotSize {
  if (options === null || typeof options !== 'object') throw new InputError('must be an options object', { field: 'options', value: options, code: 'E_INVALID_TYPE' });
  const width = options.width ?? defaults.width;
  const height = options.height ?? defaults.height;
  const fontSize = options.fontSize ?? 12;
  const digits = options.digits ?? 2;
  const title = options.title ?? defaults.title;
  for (const [field, v] of [['width', width], ['height', height]] as const) {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 120 || v > 20000) {
      throw new InputError('must be a number of px between 120 and 20000', { field, value: v, code: numberCode(v) });
    }
  }
  if (typeof fontSize !== 'number' || !(fontSize >= 4 && fontSize <= 72)) throw new InputError('must be a number of px between 4 and 72', { field: 'fontSize', value: fontSize, code: numberCode(fontSize) });
  if (!Number.isInteger(digits) || digits < 0 || digits > 10) throw new InputError('must be an integer from 0 to 10', { field: 'digits', value: digits, code: numberCode(digits) });
  if (typeof title !== 'string') throw new InputError('must be a string', { field: 'title', value: title, code: 'E_INVALID_TYPE' });
  return { width, height, fontSize, title, digits };
}

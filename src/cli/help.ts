import { MEASURES, TAU2_METHODS } from '../types.ts';

/** `words` joined by spaces into lines of at most `width` characters, continued at column `indent`. */
function wrapWords(words: readonly string[], indent: number, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line !== '' && indent + line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line === '' ? w : `${line} ${w}`;
  }
  lines.push(line);
  return lines.join(`\n${' '.repeat(indent)}`);
}

/** `pooled --help`. */
export const MAIN_HELP = `pooled: meta-analysis matched to R's metafor, and replication judgements for evidence bases

Usage:
  pooled analyze FILE.csv --measure M [options]   pool the studies of a CSV/TSV table
  pooled replication EVIDENCE.json [options]      judge which findings are independently replicated
  pooled help [COMMAND]                           help for a command (also: pooled COMMAND --help)
  pooled --version                                the version

Options for every command:
  --debug      show the stack trace of an error
  -h, --help   show help

Missing values: an empty cell, NA, null or NaN is missing everywhere; a row with a missing
effect-size input, subgroup, moderator or label is left out with a note naming it.
Exit status: 0 on success, 1 when the data are at fault, 2 when the command line is.
`;

/** `pooled analyze --help`. */
export const ANALYZE_HELP = `pooled analyze: effect sizes and a random-effects meta-analysis of a CSV/TSV table

Usage:
  pooled analyze FILE.csv --measure M [options]

Each row is a study; columns are named in the header line. Columns whose cells are all numbers
(or missing) are numeric. The study label is the "study" column, else --label COL.

Options:
  -m, --measure M        effect-size measure (metafor's escalc codes):
                         ${wrapWords(MEASURES, 25, 100)}
  -c, --columns R=COL,…  map metafor's argument names to columns, e.g. ai=tpos,bi=tneg,ci=cpos,di=cneg
                         (roles left out are read from columns of their own name)
      --label COL        column of study labels (default: "study")
      --method M         tau^2 estimator: ${TAU2_METHODS.join(' ')} (default REML)
      --test T           z (default), t, or knha (Knapp-Hartung)
      --level L          confidence level, 0.95 or 95 (default 0.95)
      --subgroup COL     subgroup analysis by the labels in COL (separate tau^2 per subgroup)
      --moderators C,…   meta-regression on these columns; text columns are dummy-coded
      --transform T      auto (default: exp for OR, RR, ROM…; tanh for ZCOR; …), none, exp,
                         tanh, ilogit, iarcsin, ipft, isqrt, iirft: how estimates are back-transformed
  -f, --format F         text (default), json, markdown, html (self-contained, with the plots)
  -o, --output FILE      write the report to FILE instead of standard output (never an input file)
      --forest FILE.svg  also write the forest plot (SVG)
      --funnel FILE.svg  also write the funnel plot (SVG)
      --delimiter D      comma, tab or semicolon (default: from the extension, else guessed)

Examples:
  pooled analyze bcg.csv --measure RR --columns ai=tpos,bi=tneg,ci=cpos,di=cneg
  pooled analyze bcg.csv -m OR -c ai=tpos,bi=tneg,ci=cpos,di=cneg --subgroup alloc --format markdown
  pooled analyze trials.csv -m SMD --moderators year,dose --test knha --format json -o fit.json
  pooled analyze bcg.csv -m RR -c ai=tpos,bi=tneg,ci=cpos,di=cneg -f html -o bcg.html --forest bcg-forest.svg
`;

/** `pooled replication --help`. */
export const REPLICATION_HELP = `pooled replication: which findings of an evidence base are independently replicated

Usage:
  pooled replication EVIDENCE.json [options]

The file is an evidence base (see the README, "Evidence bases and replication"). For each
comparison it reports whether the finding is independently replicated, rests on a single
research group or cohort, conflicts, or is pending, with the reasons.

Options:
      --level L          confidence level for significance from a CI (default 0.95)
  -f, --format F         text (default), json, markdown, html (with the evidence map)
  -o, --output FILE      write the report to FILE instead of standard output (never the input)

Example:
  pooled replication datasets/conditioned-medium-hair-loss.json --format markdown
`;

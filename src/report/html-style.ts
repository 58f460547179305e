/** The report's stylesheet, inlined in every HTML report (system fonts, no web fonts, print-friendly). */
export const REPORT_CSS = `
:root { color-scheme: light; }
body { font-family: Helvetica, Arial, 'Liberation Sans', sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; background: #fff; margin: 0; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
h1 { font-size: 1.7rem; line-height: 1.25; margin: 0 0 .5rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 1px solid #d9d9d9; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
h4 { font-size: 1rem; margin: 1.2rem 0 .4rem; }
p, ul, ol { margin: .5rem 0 .8rem; }
code { font-family: ui-monospace, 'DejaVu Sans Mono', monospace; font-size: .9em; background: #f2f2f2; padding: 0 .2em; }
.table-wrap { overflow-x: auto; margin: .8rem 0 1.2rem; }
table { border-collapse: collapse; font-size: .9rem; }
caption { caption-side: top; text-align: left; font-weight: bold; padding-bottom: .3rem; }
th, td { border: 1px solid #c8c8c8; padding: .3rem .55rem; text-align: left; vertical-align: top; }
th { background: #f2f2f2; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
figure { margin: 1.2rem 0 1.6rem; overflow-x: auto; }
figure svg { display: block; max-width: none; height: auto; }
figcaption { font-size: .9rem; color: #555; margin-top: .4rem; max-width: 60rem; }
.meta { color: #555; font-size: .9rem; }
@media print { main { max-width: none; } figure { break-inside: avoid; } }
`;

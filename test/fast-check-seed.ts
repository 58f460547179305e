// Every fast-check property in `npm test` runs with this fixed seed unless it sets its own, so
// that a run is reproducible (the wider random search is `npm run fuzz`, `npm run fuzz:table`).
import fc from 'fast-check';

fc.configureGlobal({ seed: 20261201 });

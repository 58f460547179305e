# Reference values for test/bias/*.test.ts from R metafor 5.1-12 (regtest, ranktest, trimfill, fsn)
# beyond the defaults covered by the diagnostics blocks of test/fixtures/metafor*/.
# Usage (from this folder): Rscript generate.R > reference.json
# Data: the yi/vi of the named fixtures' effectSizes entries (diagnostics measure).
# trimfill is called as a metafor user would; the fits it starts from use tight control, as the
# fixtures do (our metaAnalysis solves exactly). metafor 5.x's trimfill refits the trimmed data
# with the fit's control and the filled data with the default control.
# Run with metafor 5.1-12 in a private library: R_LIBS=/path/to/rlib51 Rscript generate.R > reference.json
suppressMessages({library(metafor); library(jsonlite)})
CTRL <- list(threshold = 1e-12, tol = 1e-12, maxiter = 10000)
num <- function(x) { x <- as.numeric(x); x[!is.finite(x)] <- NA; x }
vec <- function(x) I(num(x))
load_fx <- function(dir, name) {
  d <- fromJSON(file.path("../../fixtures", dir, paste0(name, ".json")), simplifyVector = FALSE)
  m <- d$diagnostics$measure
  for (es in d$effectSizes) if (es$measure == m) break
  f <- function(x) sapply(x, function(v) if (is.null(v)) NA else v)
  list(name = name, yi = f(es$yi), vi = f(es$vi))
}
sets <- list(load_fx("metafor", "hackshaw1998"), load_fx("metafor", "bcg"), load_fx("metafor", "pritz1997"),
             load_fx("metafor-extra", "li2007"), load_fx("metafor-extra", "molloy2014"))
safe <- function(expr) tryCatch(expr, error = function(e) list(error = conditionMessage(e)))
tf_out <- function(tf) if (!is.null(tf$error)) tf else list(k0 = tf$k0, se.k0 = num(tf$se.k0), p.k0 = num(tf$p.k0), side = tf$side,
  b = num(tf$b), se = num(tf$se), zval = num(tf$zval), pval = num(tf$pval), ci.lb = num(tf$ci.lb), ci.ub = num(tf$ci.ub),
  tau2 = num(tf$tau2), test = tf$test, filled.yi = vec(tf$yi[tf$fill]), filled.vi = vec(tf$vi[tf$fill]))
rt_out <- function(rt) list(statistic = num(rt$zval), pval = num(rt$pval), df = num(rt$dfs), est = num(rt$est),
  ci.lb = num(rt$ci.lb), ci.ub = num(rt$ci.ub), slope = num(coef(rt$fit)[2]),
  tau2 = if (rt$model == "rma") num(rt$fit$tau2) else NA)
out <- list(trimfill = list(), regtest = list(), fsn = list(), ranktest = list())
for (s in sets) {
  for (m in c("EE", "DL", "HE", "HS", "HSk", "SJ", "ML", "REML", "EB", "PM")) {
    r <- rma(s$yi, s$vi, method = m, control = CTRL)
    for (est in c("L0", "R0", "Q0")) {
      if (est != "L0" && !(m %in% c("REML", "EE"))) next
      out$trimfill[[length(out$trimfill) + 1]] <- c(list(data = s$name, fit.method = m, fit.test = "z", arg.estimator = est, arg.side = NA),
        tf_out(safe(trimfill(r, estimator = est))))
    }
    if (m %in% c("REML", "DL")) {
      tf <- safe(trimfill(r))
      other <- if (tf$side == "left") "right" else "left"
      out$trimfill[[length(out$trimfill) + 1]] <- c(list(data = s$name, fit.method = m, fit.test = "z", arg.estimator = "L0", arg.side = other),
        tf_out(safe(trimfill(r, side = other))))
    }
    for (t in c("z", "knha", "t")) {
      if (t != "z" && !(m %in% c("REML", "DL", "EE"))) next
      rk <- rma(s$yi, s$vi, method = m, test = t, control = CTRL)
      for (pred in c("sei", "vi")) for (mod in c("rma", "lm")) {
        if (mod == "lm" && !(m == "REML" && t == "z")) next
        out$regtest[[length(out$regtest) + 1]] <- c(list(data = s$name, method = m, test = t, model = mod, predictor = pred),
          rt_out(regtest(rk, model = mod, predictor = pred)))
      }
      if (t == "knha" && m == "REML") out$trimfill[[length(out$trimfill) + 1]] <- c(list(data = s$name, fit.method = m, fit.test = t, arg.estimator = "L0", arg.side = NA),
        tf_out(safe(trimfill(rk))))
    }
  }
  for (args in list(list(type = "Rosenthal", alpha = 0.01), list(type = "Orwin", weighted = TRUE), list(type = "Orwin", weighted = FALSE),
                    list(type = "Orwin", target = 0.05), list(type = "Orwin", target = -0.05), list(type = "Rosenberg"),
                    list(type = "Rosenberg", alpha = 0.01))) {
    f <- do.call(fsn, c(list(s$yi, vi = s$vi), args))  # metafor 5.x: the first argument is x
    out$fsn[[length(out$fsn) + 1]] <- list(data = s$name, args = args, fsnum = num(f$fsnum), pval = num(f$pval), meanes = num(f$meanes), target = num(f$target))
  }
}
# rank test: ties in vi (normal approximation), exact for small k, shifts
rk_cases <- list(
  list(name = "tied-vi", yi = c(0.1, 0.5, -0.2, 0.9, 0.3, 0.4, 1.2, 0.05), vi = c(0.04, 0.04, 0.09, 0.01, 0.04, 0.09, 0.01, 0.16)),
  list(name = "exact-k5", yi = c(0.3, 0.1, 0.8, 0.45, 0.2), vi = c(0.02, 0.05, 0.11, 0.07, 0.03)),
  list(name = "exact-k2", yi = c(0.3, 0.1), vi = c(0.02, 0.05)),
  list(name = "exact-k12-strong", yi = c(0.05, 0.1, 0.12, 0.2, 0.25, 0.33, 0.41, 0.5, 0.62, 0.7, 0.85, 1.0), vi = c(0.001, 0.002, 0.004, 0.006, 0.008, 0.01, 0.015, 0.02, 0.03, 0.04, 0.06, 0.08)))
for (s in rk_cases) {
  r <- suppressWarnings(ranktest(s$yi, s$vi))
  out$ranktest[[length(out$ranktest) + 1]] <- list(name = s$name, yi = vec(s$yi), vi = vec(s$vi), tau = num(r$tau), pval = num(r$pval))
}
# Kendall's tau_b (cor(method = "kendall")) on data with ties in x, y or both
set.seed(20240521)
out$kendall <- list()
for (i in 1:30) {
  n <- sample(3:40, 1)
  x <- if (i %% 3 == 0) rnorm(n) else sample(1:6, n, replace = TRUE)
  y <- if (i %% 2 == 0) sample(1:5, n, replace = TRUE) else round(rnorm(n), 2)
  # tau also as a 17-digit string: toJSON keeps only 15 significant digits
  r <- cor(x, y, method = "kendall")
  out$kendall[[i]] <- list(x = vec(x), y = vec(y), tau = num(r), tau17 = sprintf("%.17g", r))
}
# exactly symmetric funnels: metafor breaks ties in |yi - beta| by position (ties.method = "first")
sym <- list(list(name = "even", yi = c(-1, 1, -2, 2, -3, 3), vi = c(.125, .125, .25, .25, .5, .5)))
out$symmetric <- list()
for (s in sym) for (m in c("EE", "REML")) for (e in c("L0", "R0", "Q0")) {
  t <- trimfill(rma(s$yi, s$vi, method = m, control = CTRL), estimator = e)
  out$symmetric[[length(out$symmetric) + 1]] <- list(name = s$name, yi = vec(s$yi), vi = vec(s$vi), method = m, estimator = e, k0 = t$k0, side = t$side)
}
cat(toJSON(out, auto_unbox = TRUE, digits = NA, null = "null", na = "null", pretty = FALSE))

# Reference values for leaveOneOut, cumulative and influence beyond the metafor fixtures
# (other tau² methods and tests, levels, sort keys, omitted rows, edge cases), from R metafor 5.1-12.
# Usage: R_LIBS=/path/to/rlib51 Rscript diagnostics.R > diagnostics.json   (run from this folder,
# with metafor 5.1-12 installed from wviechtb/metafor into the private library /path/to/rlib51)
# Inputs are rounded to 15 significant digits before fitting, so the JSON holds the exact inputs;
# outputs are written with 17 significant digits (NA/NaN/Inf -> null). Fits use the tight
# convergence of the metafor fixtures (threshold and tol 1e-12), which leave1out/cumul/influence inherit.
suppressMessages({ library(metafor); library(jsonlite) })

CTRL <- list(threshold = 1e-12, tol = 1e-12, maxiter = 10000)
fmt <- function(x) { x <- as.numeric(x); ifelse(is.finite(x), sprintf("%.17g", x), "null") }
arr <- function(x) paste0("[", paste(fmt(x), collapse = ","), "]")
obj <- function(l) paste0("{", paste(sprintf('"%s":%s', names(l), vapply(l, identity, "")), collapse = ","), "}")
str <- function(s) toJSON(s, auto_unbox = TRUE)

bcg <- escalc("RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat.bcg)
normand <- escalc("SMD", m1i = m1i, sd1i = sd1i, n1i = n1i, m2i = m2i, sd2i = sd2i, n2i = n2i, data = dat.normand1999)
hack <- dat.hackshaw1998
r15 <- function(x) signif(as.numeric(x), 15)

# name, yi, vi, labels, method, test, level, order (NULL = default), decreasing, diagnostics to run
cases <- list(
  list("bcg RR REML z", bcg$yi, bcg$vi, dat.bcg$author, "REML", "z", 0.95, NULL, FALSE, c("l1", "cu", "inf")),
  list("bcg RR DL knha", bcg$yi, bcg$vi, dat.bcg$author, "DL", "knha", 0.95, NULL, FALSE, c("l1", "cu", "inf")),
  list("bcg RR ML z", bcg$yi, bcg$vi, dat.bcg$author, "ML", "z", 0.95, NULL, FALSE, c("l1", "cu", "inf")),
  list("bcg RR EB knha", bcg$yi, bcg$vi, dat.bcg$author, "EB", "knha", 0.95, NULL, FALSE, c("l1", "cu", "inf")),
  list("bcg RR SJ z", bcg$yi, bcg$vi, dat.bcg$author, "SJ", "z", 0.95, NULL, FALSE, c("l1", "cu", "inf")),
  list("bcg RR HS z", bcg$yi, bcg$vi, dat.bcg$author, "HS", "z", 0.95, NULL, FALSE, c("l1", "cu", "inf")),
  list("bcg RR HSk knha", bcg$yi, bcg$vi, dat.bcg$author, "HSk", "knha", 0.95, NULL, FALSE, c("l1", "cu", "inf")),
  list("bcg RR EE z", bcg$yi, bcg$vi, dat.bcg$author, "EE", "z", 0.95, NULL, FALSE, c("l1", "cu", "inf")),
  list("normand SMD HE t level 0.9", normand$yi, normand$vi, dat.normand1999$source, "HE", "t", 0.9, NULL, FALSE, c("l1", "cu", "inf")),
  list("hackshaw GEN PM z", hack$yi, hack$vi, hack$author, "PM", "z", 0.95, NULL, FALSE, c("l1", "cu", "inf")),
  list("small EE knha", c(1, 2, 2.2), c(1, 0.5, 0.3), c("A", "B", "C"), "EE", "knha", 0.95, NULL, FALSE, c("l1", "cu", "inf")),
  list("k2 REML knha", c(1, 2), c(1, 0.5), c("A", "B"), "REML", "knha", 0.95, NULL, FALSE, c("l1", "cu", "inf")),
  list("bcg RR REML with omitted rows", replace(bcg$yi, c(3, 8), NA), replace(bcg$vi, c(5, 8), NA), dat.bcg$author,
       "REML", "z", 0.95, NULL, FALSE, c("l1", "cu", "inf")),
  list("bcg RR REML cumul by year", bcg$yi, bcg$vi, dat.bcg$author, "REML", "z", 0.95, dat.bcg$year, FALSE, c("cu")),
  list("bcg RR REML cumul by year decreasing", bcg$yi, bcg$vi, dat.bcg$author, "REML", "z", 0.95, dat.bcg$year, TRUE, c("cu")),
  list("bcg RR DL cumul by latitude with a missing key", bcg$yi, bcg$vi, dat.bcg$author, "DL", "z", 0.95,
       replace(dat.bcg$ablat, 4, NA), FALSE, c("cu")),
  list("bcg RR REML cumul by lowercase name", bcg$yi, bcg$vi, dat.bcg$author, "REML", "knha", 0.95,
       c("m", "c", "k", "a", "f", "j", "b", "l", "d", "i", "e", "h", "g"), FALSE, c("cu")),
  list("zero variance REML", c(1, 2, 3, 2.5), c(0, 1, 1, 0.5), c("A", "B", "C", "D"), "REML", "z", 0.95, NULL, FALSE, c("l1", "cu"))
)

run <- function(cs) {
  yi <- r15(cs[[2]]); vi <- r15(cs[[3]])
  r <- rma(yi, vi, method = cs[[5]], test = cs[[6]], level = cs[[7]], control = CTRL, slab = cs[[4]])
  parts <- list(name = str(cs[[1]]), yi = arr(yi), vi = arr(vi), labels = toJSON(cs[[4]]), method = str(cs[[5]]),
                test = str(cs[[6]]), level = fmt(cs[[7]]), decreasing = tolower(as.character(cs[[9]])))
  if (!is.null(cs[[8]])) parts$order <- if (is.character(cs[[8]])) toJSON(cs[[8]]) else arr(cs[[8]])
  fit <- function(l) obj(list(estimate = arr(l$estimate), se = arr(l$se), statistic = arr(if (is.null(l$zval)) l$tval else l$zval), pval = arr(l$pval),
                              ci.lb = arr(l$ci.lb), ci.ub = arr(l$ci.ub), Q = arr(l$Q), Qp = arr(l$Qp),
                              tau2 = arr(if (is.null(l$tau2)) rep(0, length(l$estimate)) else l$tau2),
                              I2 = arr(l$I2), H2 = arr(l$H2), slab = toJSON(sub("^-", "", as.character(l$slab)))))
  # (metafor 5.x names the leave1out rows "-<study>": the prefix is dropped)
  if ("l1" %in% cs[[10]]) parts$leave1out <- fit(leave1out(r))
  if ("cu" %in% cs[[10]]) {
    cu <- if (is.null(cs[[8]])) cumul(r) else cumul(r, order = cs[[8]], decreasing = cs[[9]])
    parts$cumul <- fit(cu)
  }
  if ("inf" %in% cs[[10]]) {
    inf <- influence(r)
    i <- inf$inf
    parts$influence <- obj(list(rstudent = arr(i$rstudent), dffits = arr(i$dffits), cook.d = arr(i$cook.d),
                                cov.r = arr(i$cov.r), tau2.del = arr(i$tau2.del), QE.del = arr(i$QE.del),
                                hat = arr(i$hat), weight = arr(i$weight), dfbs = arr(inf$dfbs[[1]]),
                                is.infl = toJSON(as.logical(inf$is.infl)), slab = toJSON(as.character(i$slab))))
  }
  obj(parts)
}
out <- vapply(cases, function(cs) suppressWarnings(run(cs)), "")
cat('{"generator":"diagnostics.R with R metafor ', as.character(packageVersion("metafor")), '",\n"cases":[\n',
    paste(out, collapse = ",\n"), ']}\n', sep = "")

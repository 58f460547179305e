# Reference values for non-default escalc() options, from R metafor 5.1-12.
# Usage: R_LIBS=/path/to/rlib51 Rscript options.R > options.json   (run from this folder, with
# metafor 5.1-12 installed from wviechtb/metafor into the private library /path/to/rlib51)
# Each case: the rows, the columns/options for effectSizes(), the R call, and escalc's yi, vi
# written with 17 significant digits (NA -> null).
suppressMessages({ library(metafor); library(jsonlite) })

zeros2x2 <- data.frame(study = c("none", "all-events", "one-zero", "plain", "double-zero-b"),
                       ai = c(0, 5, 3, 2, 4), bi = c(10, 0, 7, 8, 0),
                       ci = c(0, 7, 0, 4, 6), di = c(12, 0, 10, 6, 0))
props <- data.frame(study = c("P1", "P2", "P3", "P4", "P5"),
                    xi = c(0, 5, 12, 3, 9), ni = c(10, 20, 12, 15, 30))
hack <- dat.hackshaw1998
hack$sei <- sqrt(hack$vi)
hack <- hack[, c("study", "author", "yi", "sei")]
prepost <- data.frame(
  study = paste("Study", 1:8),
  m1i = c(12.1, 10.4, 15.2, 9.8, 11.7, 13.3, 8.9, 14.0),
  m2i = c(10.0, 9.9, 11.8, 9.1, 10.2, 10.9, 8.1, 11.5),
  sd1i = c(3.1, 2.8, 4.0, 2.5, 3.3, 3.6, 2.2, 3.9),
  sd2i = c(2.9, 2.7, 3.8, 2.6, 3.0, 3.4, 2.4, 3.5),
  ni = c(24, 31, 18, 40, 27, 22, 35, 20),
  ri = c(0.62, 0.55, 0.71, 0.48, 0.66, 0.58, 0.52, 0.69))
normand <- dat.normand1999
bcg <- dat.bcg[, c("trial", "author", "tpos", "tneg", "cpos", "cneg")]
niel <- dat.nielweise2007
mcd <- dat.mcdaniel1994[, c("study", "ri", "ni")]

meancols <- list(m1i = "m1i", sd1i = "sd1i", n1i = "n1i", m2i = "m2i", sd2i = "sd2i", n2i = "n2i")
bcgcols <- list(ai = "tpos", bi = "tneg", ci = "cpos", di = "cneg")
nielcols <- list(ai = "ai", n1i = "n1i", ci = "ci", n2i = "n2i")

cases <- list(
  list("MD HO", "MD", "normand", meancols, list(vtype = "HO"),
       quote(escalc("MD", m1i=m1i, sd1i=sd1i, n1i=n1i, m2i=m2i, sd2i=sd2i, n2i=n2i, data=normand, vtype="HO"))),
  list("MD UB", "MD", "normand", meancols, list(vtype = "UB"),
       quote(escalc("MD", m1i=m1i, sd1i=sd1i, n1i=n1i, m2i=m2i, sd2i=sd2i, n2i=n2i, data=normand, vtype="UB"))),
  list("SMD UB", "SMD", "normand", meancols, list(vtype = "UB"),
       quote(escalc("SMD", m1i=m1i, sd1i=sd1i, n1i=n1i, m2i=m2i, sd2i=sd2i, n2i=n2i, data=normand, vtype="UB"))),
  list("SMD LS2", "SMD", "normand", meancols, list(vtype = "LS2"),
       quote(escalc("SMD", m1i=m1i, sd1i=sd1i, n1i=n1i, m2i=m2i, sd2i=sd2i, n2i=n2i, data=normand, vtype="LS2"))),
  list("SMD AV", "SMD", "normand", meancols, list(vtype = "AV"),
       quote(escalc("SMD", m1i=m1i, sd1i=sd1i, n1i=n1i, m2i=m2i, sd2i=sd2i, n2i=n2i, data=normand, vtype="AV"))),
  list("ROM HO", "ROM", "normand", meancols, list(vtype = "HO"),
       quote(escalc("ROM", m1i=m1i, sd1i=sd1i, n1i=n1i, m2i=m2i, sd2i=sd2i, n2i=n2i, data=normand, vtype="HO"))),
  list("ROM AV", "ROM", "normand", meancols, list(vtype = "AV"),
       quote(escalc("ROM", m1i=m1i, sd1i=sd1i, n1i=n1i, m2i=m2i, sd2i=sd2i, n2i=n2i, data=normand, vtype="AV"))),
  list("ROM AVHO", "ROM", "normand", meancols, list(vtype = "AVHO"),
       quote(escalc("ROM", m1i=m1i, sd1i=sd1i, n1i=n1i, m2i=m2i, sd2i=sd2i, n2i=n2i, data=normand, vtype="AVHO"))),
  list("ROM correct=FALSE", "ROM", "normand", meancols, list(correct = FALSE),
       quote(escalc("ROM", m1i=m1i, sd1i=sd1i, n1i=n1i, m2i=m2i, sd2i=sd2i, n2i=n2i, data=normand, correct=FALSE))),
  list("ROM LS2", "ROM", "normand", meancols, list(vtype = "LS2"),
       quote(escalc("ROM", m1i=m1i, sd1i=sd1i, n1i=n1i, m2i=m2i, sd2i=sd2i, n2i=n2i, data=normand, vtype="LS2"))),
  list("ROM HO correct=FALSE", "ROM", "normand", meancols, list(vtype = "HO", correct = FALSE),
       quote(escalc("ROM", m1i=m1i, sd1i=sd1i, n1i=n1i, m2i=m2i, sd2i=sd2i, n2i=n2i, data=normand, vtype="HO", correct=FALSE))),
  list("SMDH LS2", "SMDH", "normand", meancols, list(vtype = "LS2"),
       quote(escalc("SMDH", m1i=m1i, sd1i=sd1i, n1i=n1i, m2i=m2i, sd2i=sd2i, n2i=n2i, data=normand, vtype="LS2"))),
  list("SMDH LS3", "SMDH", "normand", meancols, list(vtype = "LS3"),
       quote(escalc("SMDH", m1i=m1i, sd1i=sd1i, n1i=n1i, m2i=m2i, sd2i=sd2i, n2i=n2i, data=normand, vtype="LS3"))),
  list("SMDH correct=FALSE", "SMDH", "normand", meancols, list(correct = FALSE),
       quote(escalc("SMDH", m1i=m1i, sd1i=sd1i, n1i=n1i, m2i=m2i, sd2i=sd2i, n2i=n2i, data=normand, correct=FALSE))),
  list("SMD correct=FALSE", "SMD", "normand", meancols, list(correct = FALSE),
       quote(escalc("SMD", m1i=m1i, sd1i=sd1i, n1i=n1i, m2i=m2i, sd2i=sd2i, n2i=n2i, data=normand, correct=FALSE))),
  list("SMD UB correct=FALSE", "SMD", "normand", meancols, list(vtype = "UB", correct = FALSE),
       quote(escalc("SMD", m1i=m1i, sd1i=sd1i, n1i=n1i, m2i=m2i, sd2i=sd2i, n2i=n2i, data=normand, vtype="UB", correct=FALSE))),
  list("SMD1H", "SMD1H", "normand", meancols, list(),
       quote(escalc("SMD1H", m1i=m1i, sd1i=sd1i, n1i=n1i, m2i=m2i, sd2i=sd2i, n2i=n2i, data=normand))),
  list("SMD1H correct=FALSE", "SMD1H", "normand", meancols, list(correct = FALSE),
       quote(escalc("SMD1H", m1i=m1i, sd1i=sd1i, n1i=n1i, m2i=m2i, sd2i=sd2i, n2i=n2i, data=normand, correct=FALSE))),
  list("SMCRH", "SMCRH", "prepost", list(), list(),
       quote(escalc("SMCRH", m1i=m1i, m2i=m2i, sd1i=sd1i, sd2i=sd2i, ni=ni, ri=ri, data=prepost))),
  list("SMCRH LS2", "SMCRH", "prepost", list(), list(vtype = "LS2"),
       quote(escalc("SMCRH", m1i=m1i, m2i=m2i, sd1i=sd1i, sd2i=sd2i, ni=ni, ri=ri, data=prepost, vtype="LS2"))),
  list("SMCRH correct=FALSE", "SMCRH", "prepost", list(), list(correct = FALSE),
       quote(escalc("SMCRH", m1i=m1i, m2i=m2i, sd1i=sd1i, sd2i=sd2i, ni=ni, ri=ri, data=prepost, correct=FALSE))),
  list("SMCC correct=FALSE", "SMCC", "prepost", list(), list(correct = FALSE),
       quote(escalc("SMCC", m1i=m1i, m2i=m2i, sd1i=sd1i, sd2i=sd2i, ni=ni, ri=ri, data=prepost, correct=FALSE))),
  list("SMCR correct=FALSE", "SMCR", "prepost", list(), list(correct = FALSE),
       quote(escalc("SMCR", m1i=m1i, m2i=m2i, sd1i=sd1i, ni=ni, ri=ri, data=prepost, correct=FALSE))),
  list("RD UB", "RD", "bcg", bcgcols, list(vtype = "UB"),
       quote(escalc("RD", ai=tpos, bi=tneg, ci=cpos, di=cneg, data=bcg, vtype="UB"))),
  list("RD AV", "RD", "bcg", bcgcols, list(vtype = "AV"),
       quote(escalc("RD", ai=tpos, bi=tneg, ci=cpos, di=cneg, data=bcg, vtype="AV"))),
  list("RD AV zeros", "RD", "niel", nielcols, list(vtype = "AV"),
       quote(escalc("RD", ai=ai, n1i=n1i, ci=ci, n2i=n2i, data=niel, vtype="AV"))),
  list("RD zeros default", "RD", "niel", nielcols, list(),
       quote(escalc("RD", ai=ai, n1i=n1i, ci=ci, n2i=n2i, data=niel))),
  list("OR to=all", "OR", "niel", nielcols, list(to = "all"),
       quote(escalc("OR", ai=ai, n1i=n1i, ci=ci, n2i=n2i, data=niel, to="all"))),
  list("OR to=if0all add=0.1", "OR", "niel", nielcols, list(to = "if0all", add = 0.1),
       quote(escalc("OR", ai=ai, n1i=n1i, ci=ci, n2i=n2i, data=niel, to="if0all", add=0.1))),
  list("OR to=none", "OR", "niel", nielcols, list(to = "none"),
       quote(escalc("OR", ai=ai, n1i=n1i, ci=ci, n2i=n2i, data=niel, to="none"))),
  list("OR add=0", "OR", "niel", nielcols, list(add = 0),
       quote(escalc("OR", ai=ai, n1i=n1i, ci=ci, n2i=n2i, data=niel, add=0))),
  list("RR drop00", "RR", "niel", nielcols, list(drop00 = TRUE),
       quote(escalc("RR", ai=ai, n1i=n1i, ci=ci, n2i=n2i, data=niel, drop00=TRUE))),
  list("PETO zeros", "PETO", "niel", nielcols, list(),
       quote(escalc("PETO", ai=ai, n1i=n1i, ci=ci, n2i=n2i, data=niel))),
  list("PETO add=0", "PETO", "niel", nielcols, list(add = 0),
       quote(escalc("PETO", ai=ai, n1i=n1i, ci=ci, n2i=n2i, data=niel, add=0))),
  list("AS zeros", "AS", "niel", nielcols, list(),
       quote(escalc("AS", ai=ai, n1i=n1i, ci=ci, n2i=n2i, data=niel))),
  list("AS add=0.5", "AS", "niel", nielcols, list(add = 0.5),
       quote(escalc("AS", ai=ai, n1i=n1i, ci=ci, n2i=n2i, data=niel, add=0.5))),
  list("OR zeros2x2", "OR", "zeros2x2", list(), list(),
       quote(escalc("OR", ai=ai, bi=bi, ci=ci, di=di, data=zeros2x2))),
  list("RR zeros2x2 drop00", "RR", "zeros2x2", list(), list(drop00 = TRUE),
       quote(escalc("RR", ai=ai, bi=bi, ci=ci, di=di, data=zeros2x2, drop00=TRUE))),
  list("RD zeros2x2 if0all", "RD", "zeros2x2", list(), list(to = "if0all"),
       quote(escalc("RD", ai=ai, bi=bi, ci=ci, di=di, data=zeros2x2, to="if0all"))),
  list("PETO zeros2x2", "PETO", "zeros2x2", list(), list(),
       quote(escalc("PETO", ai=ai, bi=bi, ci=ci, di=di, data=zeros2x2))),
  list("PR UB", "PR", "props", list(), list(vtype = "UB"),
       quote(escalc("PR", xi=xi, ni=ni, data=props, vtype="UB"))),
  list("PR AV", "PR", "props", list(), list(vtype = "AV"),
       quote(escalc("PR", xi=xi, ni=ni, data=props, vtype="AV"))),
  list("PR default zeros", "PR", "props", list(), list(),
       quote(escalc("PR", xi=xi, ni=ni, data=props))),
  list("PLN default zeros", "PLN", "props", list(), list(),
       quote(escalc("PLN", xi=xi, ni=ni, data=props))),
  list("PLN AV", "PLN", "props", list(), list(vtype = "AV"),
       quote(escalc("PLN", xi=xi, ni=ni, data=props, vtype="AV"))),
  list("PLO AV", "PLO", "props", list(), list(vtype = "AV"),
       quote(escalc("PLO", xi=xi, ni=ni, data=props, vtype="AV"))),
  list("PLO to=none", "PLO", "props", list(), list(to = "none"),
       quote(escalc("PLO", xi=xi, ni=ni, data=props, to="none"))),
  list("PLO to=all add=1", "PLO", "props", list(), list(to = "all", add = 1),
       quote(escalc("PLO", xi=xi, ni=ni, data=props, to="all", add=1))),
  list("PAS zeros", "PAS", "props", list(), list(),
       quote(escalc("PAS", xi=xi, ni=ni, data=props))),
  list("PAS add=0.5", "PAS", "props", list(), list(add = 0.5),
       quote(escalc("PAS", xi=xi, ni=ni, data=props, add=0.5))),
  list("PFT zeros", "PFT", "props", list(), list(),
       quote(escalc("PFT", xi=xi, ni=ni, data=props))),
  list("COR AV", "COR", "mcd", list(), list(vtype = "AV"),
       quote(escalc("COR", ri=ri, ni=ni, data=mcd, vtype="AV"))),
  list("SMCC LS2", "SMCC", "prepost", list(), list(vtype = "LS2"),
       quote(escalc("SMCC", m1i=m1i, m2i=m2i, sd1i=sd1i, sd2i=sd2i, ni=ni, ri=ri, data=prepost, vtype="LS2"))),
  list("SMCR LS2", "SMCR", "prepost", list(), list(vtype = "LS2"),
       quote(escalc("SMCR", m1i=m1i, m2i=m2i, sd1i=sd1i, ni=ni, ri=ri, data=prepost, vtype="LS2"))),
  list("GEN sei", "GEN", "hack", list(), list(),
       quote(escalc("GEN", yi=yi, sei=sei, data=hack)))
)

fmt <- function(x) { x <- as.numeric(x); ifelse(is.finite(x), sprintf("%.17g", x), "null") }
rowsjson <- function(d) toJSON(d, dataframe = "rows", digits = NA, na = "null")
out <- vapply(cases, function(cs) {
  res <- eval(cs[[6]])
  sprintf('{"name":%s,"measure":%s,"dataset":%s,"columns":%s,"options":%s,"call":%s,"yi":[%s],"vi":[%s]}',
          toJSON(cs[[1]], auto_unbox = TRUE), toJSON(cs[[2]], auto_unbox = TRUE), toJSON(cs[[3]], auto_unbox = TRUE),
          if (length(cs[[4]])) toJSON(cs[[4]], auto_unbox = TRUE) else "{}",
          if (length(cs[[5]])) toJSON(cs[[5]], auto_unbox = TRUE, digits = NA) else "{}",
          toJSON(paste(deparse(cs[[6]], width.cutoff = 500), collapse = " "), auto_unbox = TRUE),
          paste(fmt(res$yi), collapse = ","), paste(fmt(res$vi), collapse = ","))
}, "")
datasets <- list(normand = normand, bcg = bcg, niel = niel, zeros2x2 = zeros2x2, props = props, mcd = mcd,
                 prepost = prepost, hack = hack)
cat('{"generator":"options.R with R metafor ', as.character(packageVersion("metafor")), '",\n"datasets":{',
    paste(sprintf('"%s":%s', names(datasets), vapply(datasets, rowsjson, "")), collapse = ",\n"),
    '},\n"cases":[\n', paste(out, collapse = ",\n"), ']}\n', sep = "")

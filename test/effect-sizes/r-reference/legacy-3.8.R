# Reference values for effectSizes(..., { metaforVersion: '3.8' }): escalc() of R metafor 3.8-1
# (Debian's r-cran-metafor), where ROM has no bias correction and SMDH's variance carries J².
# Usage (from this folder, with Debian's metafor 3.8-1, not a private 5.x library):
#   Rscript legacy-3.8.R > legacy-3.8.json
suppressMessages({ library(metafor); library(jsonlite) })
stopifnot(as.character(packageVersion("metafor")) == "3.8.1")
normand <- dat.normand1999
gibson <- dat.gibson2002[, c("author", "year", "n1i", "m1i", "sd1i", "n2i", "m2i", "sd2i")]
lehmann <- dat.lehmann2018[, c("Short_Title", "Red_M", "Red_SD", "Red_N", "Control_M", "Control_SD", "Control_N")]
names(lehmann) <- c("study", "m1i", "sd1i", "n1i", "m2i", "sd2i", "n2i")
datasets <- list(normand = normand, gibson = gibson, lehmann = lehmann)
cases <- list()
for (d in names(datasets)) for (m in c("ROM", "SMDH")) for (v in if (m == "ROM") c("LS", "HO", "AV", "AVHO") else "LS") {
  e <- suppressWarnings(escalc(m, m1i = m1i, sd1i = sd1i, n1i = n1i, m2i = m2i, sd2i = sd2i, n2i = n2i,
                               data = datasets[[d]], vtype = v))
  cases[[length(cases) + 1]] <- list(dataset = d, measure = m, vtype = v,
    yi = sprintf("%.17g", as.numeric(e$yi)), vi = sprintf("%.17g", as.numeric(e$vi)))
}
cat(toJSON(list(generator = paste("legacy-3.8.R with R metafor", packageVersion("metafor")),
                datasets = datasets, cases = cases), auto_unbox = TRUE, digits = NA, na = "null", dataframe = "rows"))

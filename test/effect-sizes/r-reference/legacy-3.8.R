# Reference values for effectSizes(..., { metaforVersion: '3.8' }): escalc() of R metafor 3.8-1
# (Debian's r-cran-metafor), where ROM has no bias correction and the SMDH, SMD1H and SMCRH
# variances are those before metafor 4.6.
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
for (d in names(datasets)) for (m in c("ROM", "SMDH", "SMD1H")) for (v in if (m == "ROM") c("LS", "HO", "AV", "AVHO") else "LS") {
  e <- suppressWarnings(escalc(m, m1i = m1i, sd1i = sd1i, n1i = n1i, m2i = m2i, sd2i = sd2i, n2i = n2i,
                               data = datasets[[d]], vtype = v))
  cases[[length(cases) + 1]] <- list(dataset = d, measure = m, vtype = v,
    yi = sprintf("%.17g", as.numeric(e$yi)), vi = sprintf("%.17g", as.numeric(e$vi)))
}
prepost <- data.frame(study = paste("Study", 1:8),
  m1i = c(12.1, 10.4, 15.2, 9.8, 11.7, 13.3, 8.9, 14.0), m2i = c(10.0, 9.9, 11.8, 9.1, 10.2, 10.9, 8.1, 11.5),
  sd1i = c(3.1, 2.8, 4.0, 2.5, 3.3, 3.6, 2.2, 3.9), sd2i = c(2.9, 2.7, 3.8, 2.6, 3.0, 3.4, 2.4, 3.5),
  ni = c(24, 31, 18, 40, 27, 22, 35, 20), ri = c(0.62, 0.55, 0.71, 0.48, 0.66, 0.58, 0.52, 0.69))
datasets$prepost <- prepost
e <- escalc("SMCRH", m1i = m1i, m2i = m2i, sd1i = sd1i, sd2i = sd2i, ni = ni, ri = ri, data = prepost)
cases[[length(cases) + 1]] <- list(dataset = "prepost", measure = "SMCRH", vtype = "LS",
  yi = sprintf("%.17g", as.numeric(e$yi)), vi = sprintf("%.17g", as.numeric(e$vi)))
cat(toJSON(list(generator = paste("legacy-3.8.R with R metafor", packageVersion("metafor")),
                datasets = datasets, cases = cases), auto_unbox = TRUE, digits = NA, na = "null", dataframe = "rows"))

# Reference values for test/conversions, computed directly from the published formulas in R
# (independently of the TypeScript code). metafor 5.1's conv.fivenum / conv.wald are not
# installed here (metafor 3.8-1 lacks them), so every case beyond the metafor 5.1 fixtures is
# checked against the papers' formulas written out below.
# Usage: Rscript formulas.R formulas.json
suppressMessages(library(jsonlite))
args <- commandArgs(trailingOnly = TRUE)

# --- Wan et al. (2014) expected range / IQR of n standard normals (Blom's approximation) ---
xi  <- function(n) 2 * qnorm((n - 0.375) / (n + 0.25))          # Wan 2014, eq. 9
eta <- function(n) 2 * qnorm((0.75 * n - 0.125) / (n + 0.25))   # Wan 2014, eq. 16

# --- means ---
luo1 <- function(n, a, m, b) { w <- 4 / (4 + n^0.75); w * (a + b) / 2 + (1 - w) * m }            # Luo 2018 eq. 7
luo2 <- function(n, q1, m, q3) { w <- 0.7 + 0.39 / n; w * (q1 + q3) / 2 + (1 - w) * m }          # Luo 2018 eq. 11
luo3 <- function(n, a, q1, m, q3, b) { w1 <- 2.2 / (2.2 + n^0.75); w2 <- 0.7 - 0.72 / n^0.55      # Luo 2018 eq. 15
  w1 * (a + b) / 2 + w2 * (q1 + q3) / 2 + (1 - w1 - w2) * m }
wanmean1 <- function(a, m, b) (a + 2 * m + b) / 4                                                 # Wan 2014 S1 (Hozo's)
wanmean2 <- function(q1, m, q3) (q1 + m + q3) / 3                                                 # Wan 2014 S2
wanmean3 <- function(a, q1, m, q3, b) (a + 2 * q1 + 2 * m + 2 * q3 + b) / 8                       # Wan 2014 S3 = Bland 2015
hozomean <- function(n, a, m, b) if (n <= 25) (a + 2 * m + b) / 4 else m                          # Hozo 2005
# --- SDs ---
wansd1 <- function(n, a, b) (b - a) / xi(n)
wansd2 <- function(n, q1, q3) (q3 - q1) / eta(n)
wansd3 <- function(n, a, q1, q3, b) ((b - a) / xi(n) + (q3 - q1) / eta(n)) / 2                    # Wan 2014 S3
shisd3 <- function(n, a, q1, q3, b) { w <- 1 / (1 + 0.07 * n^0.6); w * (b - a) / xi(n) + (1 - w) * (q3 - q1) / eta(n) } # Shi 2020 eq. 10
hozosd <- function(n, a, m, b) if (n <= 15) sqrt(((a - 2 * m + b)^2 / 4 + (b - a)^2) / 12) else if (n <= 70) (b - a) / 4 else (b - a) / 6
blandsd <- function(a, q1, m, q3, b) sqrt((a^2 + 2 * q1^2 + 2 * m^2 + 2 * q3^2 + b^2) / 16 +
  (a * q1 + q1 * m + m * q3 + q3 * b) / 8 - (a + 2 * q1 + 2 * m + 2 * q3 + b)^2 / 64)               # Bland 2015
# --- Shi et al. (2023) skewness test ---
t1 <- function(a, m, b) abs((a + b - 2 * m) / (b - a)); c1 <- function(n) 1 / log(n + 9) + 2.5 / (n + 1)
t2 <- function(q1, m, q3) abs((q1 + q3 - 2 * m) / (q3 - q1)); c2 <- function(n) 2.65 / sqrt(n) - 6 / n^2
t3 <- function(n, a, q1, m, q3, b) max(2.65 * log(0.6 * n) / sqrt(n) * t1(a, m, b), t2(q1, m, q3)); c3 <- function(n) 3 / sqrt(n) - 40 / n^3

fivenum <- list(
  # Wan et al. (2014) style S1 example with a small n: Hozo and Wan/Luo side by side
  list(name = "S1 n=10 hozo", input = list(n = 10, min = 1, median = 4, max = 12), method = list(mean = "hozo", sd = "hozo"),
       mean = hozomean(10, 1, 4, 12), sd = hozosd(10, 1, 4, 12), statistic = t1(1, 4, 12), critical = c1(10)),
  list(name = "S1 n=40 hozo", input = list(n = 40, min = 1, median = 4, max = 12), method = list(mean = "hozo", sd = "hozo"),
       mean = hozomean(40, 1, 4, 12), sd = hozosd(40, 1, 4, 12), statistic = t1(1, 4, 12), critical = c1(40)),
  list(name = "S1 n=100 hozo", input = list(n = 100, min = 1, median = 4, max = 12), method = list(mean = "hozo", sd = "hozo"),
       mean = hozomean(100, 1, 4, 12), sd = hozosd(100, 1, 4, 12), statistic = t1(1, 4, 12), critical = c1(100)),
  list(name = "S1 n=50 wan/wan", input = list(n = 50, min = 20, median = 41, max = 65), method = list(mean = "wan", sd = "wan"),
       mean = wanmean1(20, 41, 65), sd = wansd1(50, 20, 65), statistic = t1(20, 41, 65), critical = c1(50)),
  list(name = "S1 n=50 luo/wan (defaults)", input = list(n = 50, min = 20, median = 41, max = 65), method = NULL,
       mean = luo1(50, 20, 41, 65), sd = wansd1(50, 20, 65), statistic = t1(20, 41, 65), critical = c1(50)),
  list(name = "S2 n=30 wan/wan", input = list(n = 30, q1 = 3.2, median = 4.1, q3 = 5.3), method = list(mean = "wan", sd = "wan"),
       mean = wanmean2(3.2, 4.1, 5.3), sd = wansd2(30, 3.2, 5.3), statistic = t2(3.2, 4.1, 5.3), critical = c2(30)),
  list(name = "S2 n=30 luo/wan (defaults)", input = list(n = 30, q1 = 3.2, median = 4.1, q3 = 5.3), method = NULL,
       mean = luo2(30, 3.2, 4.1, 5.3), sd = wansd2(30, 3.2, 5.3), statistic = t2(3.2, 4.1, 5.3), critical = c2(30)),
  list(name = "S3 n=80 bland/bland", input = list(n = 80, min = 2, q1 = 9, median = 13, q3 = 18, max = 30), method = list(mean = "bland", sd = "bland"),
       mean = wanmean3(2, 9, 13, 18, 30), sd = blandsd(2, 9, 13, 18, 30), statistic = t3(80, 2, 9, 13, 18, 30), critical = c3(80)),
  list(name = "S3 n=80 wan/wan", input = list(n = 80, min = 2, q1 = 9, median = 13, q3 = 18, max = 30), method = list(mean = "wan", sd = "wan"),
       mean = wanmean3(2, 9, 13, 18, 30), sd = wansd3(80, 2, 9, 18, 30), statistic = t3(80, 2, 9, 13, 18, 30), critical = c3(80)),
  list(name = "S3 n=80 luo/shi (defaults)", input = list(n = 80, min = 2, q1 = 9, median = 13, q3 = 18, max = 30), method = NULL,
       mean = luo3(80, 2, 9, 13, 18, 30), sd = shisd3(80, 2, 9, 18, 30), statistic = t3(80, 2, 9, 13, 18, 30), critical = c3(80)),
  list(name = "S3 n=5 (smallest n) defaults", input = list(n = 5, min = 1, q1 = 2, median = 3, q3 = 4, max = 5), method = NULL,
       mean = luo3(5, 1, 2, 3, 4, 5), sd = shisd3(5, 1, 2, 4, 5), statistic = t3(5, 1, 2, 3, 4, 5), critical = c3(5))
)
fivenum <- lapply(fivenum, function(x) { x$skewed <- x$statistic >= x$critical; x })

# Wan et al. (2014) tabulate xi(n) and eta(n); Table values to check the kernels' constants
wan_tables <- list(n = c(5, 10, 25, 50, 100, 400), xi = xi(c(5, 10, 25, 50, 100, 400)), eta = eta(c(5, 10, 25, 50, 100, 400)))

# --- Cochrane Handbook chapter 6 ---
cochrane <- list(
  # 6.5.2.2: 95% CI of a mean from 25 participants: divisor 2 * qt(0.975, 24) = 4.128 (Handbook: 2 x 2.0639)
  t24 = qt(0.975, 24),
  sd_ci_small = sqrt(25) * (6.7 - 3.3) / (2 * qt(0.975, 24)),     # n = 25, CI 3.3 to 6.7
  sd_ci_large = sqrt(100) * (5.9 - 1.1) / (2 * qnorm(0.975)),      # n = 100, CI 1.1 to 5.9
  sd_ci_90 = sqrt(100) * (5.9 - 1.1) / (2 * qnorm(0.95)),          # 90% CI: divisor 3.29
  sd_ci_99 = sqrt(100) * (5.9 - 1.1) / (2 * qnorm(0.995)),         # 99% CI: divisor 5.15
  # 6.5.2.3: MD 3.8, n 25 and 22, p = 0.008 -> t = TINV(0.008, 45) = 2.78, SE = 1.37, SD = 4.69
  t_p = qt(0.008 / 2, 45, lower.tail = FALSE),
  se_p = 3.8 / qt(0.008 / 2, 45, lower.tail = FALSE),
  sd_p = 3.8 / qt(0.008 / 2, 45, lower.tail = FALSE) / sqrt(1 / 25 + 1 / 22),
  sd_t = 3.8 / 2.78 / sqrt(1 / 25 + 1 / 22),
  sd_se = 1.37 / sqrt(1 / 25 + 1 / 22),
  # 6.5.2.3 CI of the difference, small groups: t with 45 df (TINV(0.05, 45) = 2.0141)
  t45 = qt(0.975, 45),
  sd_diff_ci = (6.55 - 1.05) / (2 * qt(0.975, 45)) / sqrt(1 / 25 + 1 / 22),
  sd_diff_ci_large = (6.55 - 1.05) / (2 * qnorm(0.975)) / sqrt(1 / 80 + 1 / 90),
  # Handbook 5.1, 16.4.6.4 (paired example): SDs 2.38 and 2.21, r = 0.68, n = 10 -> SE 0.583
  sd_change = sqrt(2.38^2 + 2.21^2 - 2 * 0.68 * 2.38 * 2.21),
  se_change = sqrt(2.38^2 + 2.21^2 - 2 * 0.68 * 2.38 * 2.21) / sqrt(10)
)

# --- conv.wald formulas with the log transform actually applied ---
wald <- list(
  log_ci = list(yi = log(1.5), vi = ((log(2.1) - log(1.1)) / (2 * qnorm(0.975)))^2),
  log_p = list(yi = log(0.8), vi = (log(0.8) / qnorm(0.03 / 2, lower.tail = FALSE))^2),
  ci90 = list(yi = 2.3, vi = ((4.2 - 0.4) / (2 * qnorm(0.95)))^2)
)

# --- maximum SD compatible with "significant at alpha" ---
maxsd <- list(
  t = 8.7 / (qt(0.975, 58) * sqrt(1 / 30 + 1 / 30)),
  z = 8.7 / (qnorm(0.975) * sqrt(1 / 30 + 1 / 30)),
  t_alpha01_unequal = 5 / (qt(0.995, 12 + 20 - 2) * sqrt(1 / 12 + 1 / 20))
)

# --- imputation: pooled SD sqrt(sum((n-1) s^2) / sum(n-1)) ---
impute <- list(
  pooled = sqrt(((10 - 1) * 2^2 + (20 - 1) * 4^2 + (15 - 1) * 3^2 + (12 - 1) * 5^2) / ((10 - 1) + (20 - 1) + (15 - 1) + (12 - 1))),
  median = median(c(2, 4, 3, 5)),
  maximum = max(c(2, 4, 3, 5))
)

out <- list(generator = paste("R", getRversion()), fivenum = fivenum, wanTables = wan_tables, cochrane = cochrane,
            wald = wald, maxSd = maxsd, impute = impute)
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, null = "null", pretty = TRUE), args[1])

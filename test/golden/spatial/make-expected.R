# Step 2 of making the spatial goldens (see README.md): the reference outputs of R spdep for every case.
# Usage: Rscript test/golden/spatial/make-expected.R <work-folder>
# Needs the Debian packages r-cran-spdep (with sf) and r-cran-jsonlite.
suppressPackageStartupMessages({ library(sf); library(spdep); library(jsonlite) })
sf_use_s2(FALSE) # planar candidates and centroids in degrees, as Kleinraum computes them

args <- commandArgs(trailingOnly = TRUE)
work <- if (length(args) > 0) args[1] else "build/golden-spatial"
here <- dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))
cases <- c("grid5x5", "islands", "region-hannover-21", "hannover-stadtteile-51")
permutations <- 9999L

zero_based <- function(nb) lapply(nb, function(v) I(if (length(v) == 1L && v[1] == 0L) integer(0) else as.integer(v) - 1L))
folded <- function(sims, observed) {
  larger <- sum(sims >= observed)
  if (length(sims) - larger < larger) larger <- length(sims) - larger
  (larger + 1) / (length(sims) + 1)
}

# Conditional permutation p-values (esda Moran_Local, GeoDa): z_i fixed, its |N_i| neighbour values drawn
# WITHOUT replacement from the other n - 1 values. spdep 1.2's localmoran_perm draws with replacement, a
# different null, so the reference is computed here: exactly, over every subset of neighbour values, where
# there are at most 2e6 subsets; else from 99 999 random draws. Row-standardised weights are equal within a
# row, so the lag is the mean of the drawn values and only the subset matters, not its order.
conditional_permutation <- function(x, lw) {
  n <- length(x)
  z <- x - mean(x)
  s2 <- sum(z^2) / n
  lz <- lag.listw(lw, z, zero.policy = TRUE)
  exact <- TRUE
  p <- sapply(seq_len(n), function(i) {
    k <- length(lw$weights[[i]])
    if (k == 0L || lw$neighbours[[i]][1] == 0L) return(NA_real_)
    stopifnot(all(abs(lw$weights[[i]] - 1 / k) < 1e-15))
    observed <- (z[i] / s2) * lz[i]
    others <- z[-i]
    if (choose(n - 1, k) <= 2e6) {
      sims <- (z[i] / s2) * colMeans(matrix(others[combn(n - 1, k)], nrow = k))
    } else {
      exact <<- FALSE
      set.seed(i)
      sims <- (z[i] / s2) * replicate(99999L, mean(sample(others, k)))
    }
    share <- mean(sims >= observed)
    min(share, 1 - share)
  })
  list(exact = exact, pFolded = p)
}

statistics <- function(x, nb, counts, populations) {
  lw <- nb2listw(nb, style = "W", zero.policy = TRUE)
  randomisation <- moran.test(x, lw, randomisation = TRUE, zero.policy = TRUE)
  normality <- moran.test(x, lw, randomisation = FALSE, zero.policy = TRUE)
  set.seed(1)
  mc <- moran.mc(x, lw, nsim = permutations, zero.policy = TRUE)
  local <- localmoran(x, lw, zero.policy = TRUE)
  global_eb <- EBest(counts, populations)
  spatial_eb <- EBlocal(counts, populations, nb, zero.policy = TRUE)
  list(
    moranTest = list(
      I = unname(randomisation$estimate[1]), expectedI = unname(randomisation$estimate[2]),
      varianceRandomisation = unname(randomisation$estimate[3]), zRandomisation = unname(randomisation$statistic), pRandomisation = randomisation$p.value,
      varianceNormality = unname(normality$estimate[3]), zNormality = unname(normality$statistic), pNormality = normality$p.value),
    moranMc = list(permutations = permutations, pGreater = mc$p.value, pFolded = folded(mc$res[1:permutations], mc$statistic)),
    localmoran = list(Ii = unname(local[, "Ii"]), E = unname(local[, "E.Ii"]), Var = unname(local[, "Var.Ii"]), Z = unname(local[, "Z.Ii"]), P = unname(local[, 5])),
    conditionalPermutation = conditional_permutation(x, lw),
    pAdjust = list(input = unname(local[, 5]), bonferroni = p.adjust(unname(local[, 5]), "bonferroni"), BH = p.adjust(unname(local[, 5]), "BH")),
    EBest = list(raw = global_eb$raw, smoothed = global_eb$estmm, a = attr(global_eb, "parameters")$a, b = attr(global_eb, "parameters")$b),
    EBlocal = list(raw = spatial_eb$raw, smoothed = spatial_eb$est)
  )
}

for (name in cases) {
  input <- fromJSON(file.path(here, "in", paste0(name, ".json")))
  areas <- st_read(file.path(work, paste0(name, ".geojson")), quiet = TRUE)
  stopifnot(identical(as.character(areas$key), as.character(input$keys)))
  tolerance <- input$toleranceDegrees
  queen <- poly2nb(areas, queen = TRUE, snap = tolerance)
  rook <- poly2nb(areas, queen = FALSE, snap = tolerance)
  centroids <- if (is.matrix(input$centroids)) input$centroids else do.call(rbind, input$centroids)
  knn4 <- knn2nb(knearneigh(centroids, k = 4, longlat = TRUE))
  x <- as.numeric(input$values)
  keep <- !is.na(x)
  output <- list(
    case = name,
    spdep = as.character(packageVersion("spdep")),
    toleranceDegrees = tolerance,
    centroidsSf = unname(split(st_coordinates(st_centroid(st_geometry(areas))), seq_len(nrow(areas)))),
    neighbours = list(queen = zero_based(queen), rook = zero_based(rook), knn4 = zero_based(knn4)),
    keep = keep,
    # Statistics on the areas with values; weights cut down to them as Kleinraum does (subset.nb).
    queen = statistics(x[keep], subset(queen, keep), input$counts[keep], input$populations[keep]),
    knn4 = statistics(x[keep], subset(knn4, keep), input$counts[keep], input$populations[keep])
  )
  write_json(output, file.path(here, "out", paste0(name, ".spdep.json")), digits = NA, auto_unbox = TRUE, pretty = FALSE)
  cat(name, ": queen links", sum(card(queen)), ", rook links", sum(card(rook)), "\n")
}

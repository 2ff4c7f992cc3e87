# The scale case of the spatial goldens (see README.md): spdep's queen neighbours of all 10 990 Gemeinden of
# Germany (VG250, simplified), kept as counts and an MD5 digest of the neighbour lists — the lists themselves
# are too large to commit. Canonical text: one line per area in layer order, 0-based neighbour indexes
# ascending, separated by spaces.
# Usage: npx tsx test/golden/spatial/export-inputs.ts <work> --germany && Rscript test/golden/spatial/make-expected-germany.R <work>
suppressPackageStartupMessages({ library(sf); library(spdep); library(jsonlite) })
sf_use_s2(FALSE)
args <- commandArgs(trailingOnly = TRUE)
work <- if (length(args) > 0) args[1] else "build/golden-spatial"
here <- dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))
areas <- st_read(file.path(work, "germany.geojson"), quiet = TRUE)
tolerance <- 1e-7
started <- proc.time()
queen <- poly2nb(areas, queen = TRUE, snap = tolerance)
seconds <- (proc.time() - started)[["elapsed"]]
lines <- vapply(queen, function(v) if (length(v) == 1L && v[1] == 0L) "" else paste(as.integer(v) - 1L, collapse = " "), "")
canonical <- tempfile()
writeLines(lines, canonical, sep = "\n")
output <- list(
  case = "germany-vg250-gemeinden", spdep = as.character(packageVersion("spdep")), toleranceDegrees = tolerance,
  areas = length(queen), links = sum(card(queen)), islands = sum(card(queen) == 0L),
  firstKey = as.character(areas$key[1]), lastKey = as.character(areas$key[nrow(areas)]),
  queenMd5 = unname(tools::md5sum(canonical)), poly2nbSeconds = seconds)
write_json(output, file.path(here, "out", "germany.spdep.json"), digits = NA, auto_unbox = TRUE, pretty = TRUE)
print(output)

#!/usr/bin/env bash
# Benchmark of the daily export through the real routes: preview (POS SQL + voucher building) of every
# department-day of a generated POS, then posting of the last days of one department to the built-in sandbox.
# Default: a year of 10 busy departments (1,500 orders a day each). Arguments pass through, e.g.
#   bench/export.sh --departments=3 --days=60 --orders-per-day=120 --post-days=30
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/pogo-bridge.jar ] || mvn -B -q -DskipTests package
args=("$@")
[ ${#args[@]} -gt 0 ] || args=(--departments=10 --days=365 --orders-per-day=1500 --post-days=60)
exec java -Xmx3g -DROUTES_DIR="$PWD/routes" -Dloader.main=no.pogobridge.export.ExportBenchmark \
  -cp target/pogo-bridge.jar org.springframework.boot.loader.launch.PropertiesLauncher "${args[@]}"

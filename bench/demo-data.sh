#!/usr/bin/env bash
# Benchmark of the demo/benchmark data generator: fills a throwaway PostgreSQL with POS data and prints the numbers.
# Default: a year of 10 busy departments (1,500 orders a day each). Arguments pass through, e.g.
#   bench/demo-data.sh --departments=3 --days=60 --orders-per-day=120
#   bench/demo-data.sh --jdbc-url=jdbc:postgresql://localhost:5432/posbench --user=postgres --password=secret
set -euo pipefail
cd "$(dirname "$0")/.."
args=("$@")
[ ${#args[@]} -gt 0 ] || args=(--departments=10 --days=365 --orders-per-day=1500)
. bench/build.sh
exec java -Xmx2g -cp "$BENCH_CLASSPATH" no.pogobridge.bench.DemoDataBenchmark "${args[@]}"

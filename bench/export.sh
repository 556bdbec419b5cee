#!/usr/bin/env bash
# Benchmark of the daily export at the size the product exists for, on a durable PostgreSQL (fsync and synchronous
# commit on, as in production): PostgreSQL's own time to read the year once in one statement (the plain floor) and
# with the per-order checks (the checks floor), beside the pipeline (the server as its own process in -Xmx256m, its
# automatic export catching up 30, 90 and 365 days of every department through the real routes, posted to an
# unthrottled sandbox; the year again with documentation off), both ratios, the heap per period, and per
# department-day PostgreSQL's CPU, commits and WAL flushes. Default: a year of 10 busy departments (1,500 orders a
# day each), generated into a throwaway PostgreSQL first (~2 minutes). Arguments pass through, e.g.
#   bench/export.sh --departments=3 --days=60 --orders-per-day=120 --periods=30,60
#   bench/export.sh --jdbc-url=jdbc:postgresql://localhost:5432/pos --user=postgres --password=   # a filled POS
#   bench/export.sh --only=export --server=../main      # export only, measuring another checkout's jar and routes
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/build.sh
exec java -Xmx3g -cp "$BENCH_CLASSPATH" no.pogobridge.bench.ExportBenchmark "$@"

#!/usr/bin/env bash
# Benchmark of PowerOffice's quota through the real server: server processes (the jar, each in -Xmx256m) on one
# PostgreSQL post a backlog to a sandbox hosted by a third process with PowerOffice's limit of 10 requests a second
# per subscription key. Prints, for (a) two instances on the same backlog and (b) one instance with every department
# at once: requests, 429 answers, quota used, requests per voucher, extra requests per client key, exactly once.
# Defaults: 10 departments, 20 orders a day (posting, not SQL, is the limit), about 90 s of posting. E.g.
#   bench/quota.sh --post-seconds=60 --pace=9
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/build.sh
exec java -Xmx1g -cp "$BENCH_CLASSPATH" no.pogobridge.bench.QuotaBenchmark "$@"

#!/usr/bin/env bash
# The benchmark, in one command, from anywhere in the repository:
#
#   bench/run.sh          # full: warm-up, then 3 interleaved rounds of 10 s per scenario, 1k and 1M rooms, JMH; updates bench/RESULTS.md
#   bench/run.sh quick    # development: shorter warm-up, 1 round of 3 s, 1k and 100k rooms, no JMH; writes bench/target/bench-run/results.md only
#
# It builds the jars, installs wrk (Debian package) when it is missing, runs everything against
# 127.0.0.1 and stops every process it started. Overrides (environment): BENCH_ROUNDS, BENCH_SECONDS,
# BENCH_WARMUP and BENCH_WARMUP_MAX (seconds), BENCH_CONNECTIONS, BENCH_SMALL_ROOMS, BENCH_LARGE_ROOMS, BENCH_START_RUNS,
# BENCH_JMH (0/1), BENCH_JMH_ARGS, BENCH_JFR (1: record bench/target/bench-run/small.jfr),
# BENCH_JAVA_OPTS (options for every server JVM, the baseline's included).
set -euo pipefail

mode="${1:-full}"
case "$mode" in
  full|quick) ;;
  *) echo "usage: bench/run.sh [full|quick]" >&2; exit 2 ;;
esac

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if ! command -v wrk >/dev/null 2>&1; then
  echo "installing wrk (Debian package)"
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq wrk >/dev/null
fi

echo "building (mvn -q package -DskipTests)"
mvn -q -B package -DskipTests

commit="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [ -n "$(git status --porcelain 2>/dev/null | grep -v '^?? ' | grep -v ' bench/RESULTS.md$' || true)" ]; then
  commit="$commit (with uncommitted changes)"
fi

start=$(date +%s)
java -jar bench/target/livechat-bench.jar run \
  --mode "$mode" \
  --server-jar server-impl/target/livechat-server.jar \
  --out bench/target/bench-run \
  --results bench/RESULTS.md \
  --commit "$commit"
echo "benchmark took $(( $(date +%s) - start )) s (plus the build)"

#!/usr/bin/env bash
# Smoke run of every benchmark, for CI: one fork, no warmup, one short iteration each, the
# virtual-thread benchmark shrunk to 200 tasks of 10 ms. It proves the benchmarks still build,
# boot their containers and complete their round trips; it asserts no timing. About a minute
# on 2 cores.
#
# Uses target/benchmarks.jar if it is there (as after `mvn -B verify` at the top), otherwise
# builds it: mvn -B -q -pl integration-tests/benchmarks -am package -DskipTests.
# Java: $JAVA_HOME/bin/java if JAVA_HOME is set, else java on the PATH. Extra arguments go to JMH.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jar="$here/target/benchmarks.jar"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

if [ ! -f "$jar" ]; then
  (cd "$root" && mvn -B -q -pl integration-tests/benchmarks -am package -DskipTests)
fi

feature=$("$java" -XshowSettings:properties -version 2>&1 \
  | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')
executors=(-p executor=virtual,default)
if [ "${feature:-0}" -lt 21 ]; then
  echo "== Java $feature has no virtual threads: the virtual-thread benchmark runs its default case only"
  executors=(-p executor=default)
fi

# -foe: a benchmark that throws fails the run (non-zero exit).
"$java" -jar "$jar" -f 1 -wi 0 -i 1 -r 200ms -foe true \
  -p tasks=200 -p blockMillis=10 "${executors[@]}" "$@"

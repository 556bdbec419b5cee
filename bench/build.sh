# Sourced by the bench/*.sh commands: builds the jar the benchmarks measure and the benchmarks themselves
# (src/bench/java, compiled with the tests and never packaged), and sets BENCH_CLASSPATH to run them.
mvn -B -q -DskipTests package dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath
BENCH_CLASSPATH="target/test-classes:target/classes:$(cat target/bench.classpath)"

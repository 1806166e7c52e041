#!/usr/bin/env bash
# The local CDC pipeline in one command: finds a JDK 21+, builds what is missing or out of date, then runs the
# launcher. ./cdc (or ./cdc up) starts everything; ./cdc --help lists status, stop, wipe and console-consumer.
set -euo pipefail
cd "$(dirname "$0")"

source local/jdk.sh

jvm_options=()
if (( java_feature >= 24 )); then jvm_options+=(--sun-misc-unsafe-memory-access=allow); fi

launcher=local/launcher/target/cdc-launcher.jar
stamp=local/launcher/target/.built-by-cdc
built() {
  [[ -f "$stamp" && -f "$launcher" && -f services/transaction-writer/target/quarkus-app/quarkus-run.jar && -f services/notifier/target/quarkus-app/quarkus-run.jar ]] || return 1
  # out of date when a source or build file changed since the last build
  [[ -z "$(find pom.xml services local helm/cdc-pipeline/files -newer "$stamp" \( -name '*.java' -o -name '*.xml' -o -name '*.properties' -o -name '*.sql' -o -name '*.json' \) -not -path '*/target/*' -print -quit)" ]]
}
if ! built; then
  echo "Building the pipeline (first run, or sources changed): ./mvnw package -DskipTests"
  ./mvnw -q -B package -DskipTests
  touch "$stamp"
fi
exec "$java" "${jvm_options[@]}" -jar "$launcher" "$@"

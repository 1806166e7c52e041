#!/usr/bin/env bash
# The local CDC pipeline in one command: finds a JDK 21+, builds what is missing or out of date, then runs the
# launcher. ./cdc (or ./cdc up) starts everything; ./cdc --help lists status, stop, wipe and console-consumer.
set -euo pipefail
cd "$(dirname "$0")"

required=21

java_major() { # prints the feature version of the java binary $1, or 0
  "$1" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ { split($2, v, "."); print v[1]; found=1 } END { if (!found) print 0 }'
}

if [[ -n "${JAVA_HOME:-}" ]]; then
  java="$JAVA_HOME/bin/java"
  [[ -x "$java" ]] || { echo "error: JAVA_HOME is $JAVA_HOME, but $java does not exist. Point JAVA_HOME at a JDK $required or newer, or unset it." >&2; exit 1; }
  major=$(java_major "$java")
  if (( major < required )); then
    echo "error: JAVA_HOME ($JAVA_HOME) is Java $major; the pipeline needs Java $required or newer. Point JAVA_HOME at a JDK $required+ (for example one under /usr/lib/jvm), or unset it to let ./cdc look for one." >&2
    exit 1
  fi
else
  java=""
  seen=""
  for candidate in "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
    [[ -n "$candidate" && -x "$candidate" ]] || continue
    major=$(java_major "$candidate")
    seen+=" $candidate (Java $major);"
    if (( major >= required )); then java="$candidate"; break; fi
  done
  if [[ -z "$java" ]]; then
    echo "error: the pipeline needs Java $required or newer; found:${seen:- no java at all}. Install a JDK $required+ and set JAVA_HOME to it." >&2
    exit 1
  fi
  export JAVA_HOME
  JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$java")")")
fi

jvm_options=()
# Kafka and Maven still use sun.misc.Unsafe; JDK 24+ warns about it at every start.
if (( $(java_major "$java") >= 24 )); then
  jvm_options+=(--sun-misc-unsafe-memory-access=allow)
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi

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

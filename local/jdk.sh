# Sourced by ./cdc and .ci/run: finds a JDK 21+ and exports JAVA_HOME, so both pick the same Java the same way.
# JAVA_HOME, when set, is taken strictly; otherwise the java on the PATH, then each JDK under /usr/lib/jvm.
# Sets: JAVA_HOME, java (its binary), java_feature (e.g. 25); exits with a message saying what to do when none fits.

required_java=21

java_major() { # the feature version of the java binary $1, or 0
  "$1" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ { split($2, v, "."); print v[1]; found=1 } END { if (!found) print 0 }'
}

if [[ -n "${JAVA_HOME:-}" ]]; then
  java="$JAVA_HOME/bin/java"
  [[ -x "$java" ]] || { echo "error: JAVA_HOME is $JAVA_HOME, but $java does not exist. Point JAVA_HOME at a JDK $required_java or newer, or unset it." >&2; exit 1; }
  java_feature=$(java_major "$java")
  if (( java_feature < required_java )); then
    echo "error: JAVA_HOME ($JAVA_HOME) is Java $java_feature; the pipeline needs Java $required_java or newer. Point JAVA_HOME at a JDK $required_java+ (for example one under /usr/lib/jvm), or unset it to let ./cdc look for one." >&2
    exit 1
  fi
else
  java=""
  seen=""
  for candidate in "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
    [[ -n "$candidate" && -x "$candidate" ]] || continue
    java_feature=$(java_major "$candidate")
    seen+=" $candidate (Java $java_feature);"
    if (( java_feature >= required_java )); then java="$candidate"; break; fi
  done
  if [[ -z "$java" ]]; then
    echo "error: the pipeline needs Java $required_java or newer; found:${seen:- no java at all}. Install a JDK $required_java+ and set JAVA_HOME to it." >&2
    exit 1
  fi
  JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$java")")")
fi
export JAVA_HOME

# Kafka and Maven still use sun.misc.Unsafe; JDK 24+ warns about it at every start.
if (( java_feature >= 24 )); then
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi

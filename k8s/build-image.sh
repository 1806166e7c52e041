#!/usr/bin/env sh
# Skaffold's custom build for one service: package it with Maven, build its image from
# src/main/docker/Dockerfile.jvm, and push it when Skaffold asks to (PUSH_IMAGE=true).
# Skaffold runs this in the artifact's context (services/<name>) and sets IMAGE and PUSH_IMAGE.
set -eu
module="services/$(basename "$(pwd)")"
(cd ../.. && ./mvnw -B -q -pl "$module" -am package -DskipTests)
docker build -f src/main/docker/Dockerfile.jvm -t "$IMAGE" .
if [ "${PUSH_IMAGE:-false}" = "true" ]; then
  docker push "$IMAGE"
fi

#!/usr/bin/env bash
# Builds and starts the whole platform in embedded dev mode (MariaDB + Redis + mall-api + live-room,
# demo data). Needs only a JDK 17+. Options are passed on: --reset wipes .data/dev first;
# --mall-port= --live-port= --socket-port= --data-dir= change the defaults.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -B -q -ntp -DskipTests install
exec java -Xmx1g -jar dev-run/target/dev-run.jar "$@"

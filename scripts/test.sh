#!/usr/bin/env bash
# Berth's whole test suite: type-check, lint, build, then every test file under test/ with node's test runner,
# against a private Docker engine (with a one-node swarm) that this script starts and stops.
#
# Needs Debian's docker.io, busybox-static, cloud-init, shellcheck, chromium, docker-compose and docker-registry
# (scripts/setup.sh installs them). A private image registry on loopback is started and stopped with the engine.
# BERTH_TEST_FILES="test/a.test.ts test/b.test.ts" runs only those files (still with the engine).
# --consumer runs only the consumer suite (test/consumer/: the packed tarball installed into users' projects);
# `npm run test:consumer` does that.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== tsc --noEmit (src, test, examples, bench, program)"
npx tsc --noEmit -p tsconfig.json
echo "== lint"
npx biome lint --error-on-warnings
echo "== build (dist/ made afresh, so nothing stale is packed)"
npm run --silent build

engine_dir=$(mktemp -d /tmp/berth-dockerd.XXXXXX)
registry_dir=$(mktemp -d /tmp/berth-registry.XXXXXX)
stop_engine() { bash scripts/dockerd.sh stop "$engine_dir"; }
stop_registry() { bash scripts/registry.sh stop "$registry_dir"; }
trap 'stop_registry; stop_engine' EXIT
echo "== starting a private dockerd under $engine_dir"
engine_env=$(bash scripts/dockerd.sh start "$engine_dir")
while IFS='=' read -r key value; do export "$key=$value"; done <<<"$engine_env"
echo "== starting a private registry under $registry_dir"
registry_env=$(bash scripts/registry.sh start "$registry_dir")
while IFS='=' read -r key value; do export "$key=$value"; done <<<"$registry_env"
export BERTH_REQUIRE_DOCKER=1
# The consumer suite packs Berth once and installs it into users' projects here; removed with the engine's folder.
export BERTH_CONSUMER_DIR="$engine_dir/consumer"

if [ "${1:-}" = "--consumer" ]; then
  mapfile -t files < <(find test/consumer -name '*.test.ts' | sort)
elif [ -n "${BERTH_TEST_FILES:-}" ]; then
  read -r -a files <<<"$BERTH_TEST_FILES"
else
  mapfile -t files < <(find test -name '*.test.ts' -not -path '*/node_modules/*' | sort)
fi
echo "== node --test (${#files[@]} files)"
status=0
node --import tsx --test --test-concurrency=2 --test-reporter=spec "${files[@]}" || status=$?

trap - EXIT
echo "== stopping the registry"
stop_registry
echo "== registry stopped, $registry_dir removed"
echo "== stopping dockerd"
stop_engine
echo "== engine stopped, $engine_dir removed"
exit "$status"

#!/usr/bin/env bash
# Berth's whole test suite: type-check, lint, build, then every test file under test/ with node's test runner,
# against a private Docker engine (with a one-node swarm) that this script starts and stops.
#
# Needs Debian's docker.io, busybox-static, cloud-init, shellcheck, chromium, debootstrap, openssh-client and iproute2
# (scripts/setup.sh installs them).
# BERTH_TEST_FILES="test/a.test.ts test/b.test.ts" runs only those files (still with the engine).
# The multi-host harness (test/hosts/) builds its Debian root file system once per run, in this run's temp folder
# (BERTH_HOSTS_CACHE: give a folder of your own to keep it between runs), and must run: BERTH_REQUIRE_HOSTS=1 turns
# its skip on a machine without network namespaces into a failure.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== tsc --noEmit (src, test, examples, bench, program)"
npx tsc --noEmit -p tsconfig.json
echo "== lint"
npx biome lint --error-on-warnings
echo "== build"
npx tsc -p tsconfig.build.json

engine_dir=$(mktemp -d /tmp/berth-dockerd.XXXXXX)
hosts_cache=""
if [ -z "${BERTH_HOSTS_CACHE:-}" ]; then
  hosts_cache=$(mktemp -d /tmp/berth-rootfs.XXXXXX)
  export BERTH_HOSTS_CACHE=$hosts_cache
fi
export BERTH_REQUIRE_HOSTS=1
stop_engine() {
  bash scripts/dockerd.sh stop "$engine_dir"
  if [ -n "$hosts_cache" ]; then rm -rf "$hosts_cache"; fi
}
trap 'stop_engine' EXIT
echo "== starting a private dockerd under $engine_dir"
engine_env=$(bash scripts/dockerd.sh start "$engine_dir")
while IFS='=' read -r key value; do export "$key=$value"; done <<<"$engine_env"
export BERTH_REQUIRE_DOCKER=1

if [ -n "${BERTH_TEST_FILES:-}" ]; then
  read -r -a files <<<"$BERTH_TEST_FILES"
else
  mapfile -t files < <(find test -name '*.test.ts' -not -path '*/node_modules/*' | sort)
fi
echo "== node --test (${#files[@]} files)"
status=0
node --import tsx --test --test-concurrency=2 --test-reporter=spec "${files[@]}" || status=$?

trap - EXIT
echo "== stopping dockerd"
stop_engine
echo "== engine stopped, $engine_dir removed"
exit "$status"

#!/usr/bin/env bash
# Berth's whole test suite: type-check, lint, build, then every test file under test/ with node's test runner,
# against a private Docker engine (with a one-node swarm) and a private image registry on loopback, both started and
# stopped by this script.
#
# Needs Debian's docker.io, busybox-static, cloud-init, shellcheck, chromium, docker-compose, docker-registry,
# debootstrap, openssh-client and iproute2 (scripts/setup.sh installs them).
# BERTH_TEST_FILES="test/a.test.ts test/b.test.ts" runs only those files (still with the engine).
# --consumer runs only the consumer suite (test/consumer/: the packed tarball installed into users' projects);
# `npm run test:consumer` does that.
# The multi-host harness (test/hosts/) builds its Debian root file system once per run, in this run's temp folder
# (BERTH_HOSTS_CACHE: give a folder of your own to keep it between runs), and must run: BERTH_REQUIRE_HOSTS=1 turns
# its skip on a machine without network namespaces into a failure.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--consumer" ]; then
  mapfile -t files < <(find test/consumer -name '*.test.ts' | sort)
elif [ -n "${BERTH_TEST_FILES:-}" ]; then
  read -r -a files <<<"$BERTH_TEST_FILES"
else
  mapfile -t files < <(find test -name '*.test.ts' -not -path '*/node_modules/*' | sort)
fi

engine_dir=""
registry_dir=""
hosts_cache=""
if [ -z "${BERTH_HOSTS_CACHE:-}" ]; then
  hosts_cache=$(mktemp -d /tmp/berth-rootfs.XXXXXX)
  export BERTH_HOSTS_CACHE=$hosts_cache
fi
export BERTH_REQUIRE_HOSTS=1
rootfs_pid=""
stop_all() {
  # The root file system build started below, if it is still running: its own process group, and nothing else.
  if [ -n "$rootfs_pid" ] && kill -0 "$rootfs_pid" 2>/dev/null; then
    kill -- -"$rootfs_pid" 2>/dev/null || true
    wait "$rootfs_pid" 2>/dev/null || true
  fi
  if [ -n "$registry_dir" ]; then bash scripts/registry.sh stop "$registry_dir"; fi
  if [ -n "$engine_dir" ]; then bash scripts/dockerd.sh stop "$engine_dir"; fi
  # A build stopped part way can leave proc mounted inside its tree: host.sh unmounts it before removing the cache.
  if [ -n "$hosts_cache" ]; then bash test/hosts/host.sh clean "$hosts_cache"; fi
}
trap 'stop_all' EXIT
# The multi-host harness's root file system takes minutes to build: build it now, beside the type-check, lint, build
# and the first test files. The harness then waits on the cache's lock and finds it built; should this build fail, the
# harness builds it again itself and shows why.
if printf '%s\n' "${files[@]}" | grep -q '^test/hosts/' && [ "$(id -u)" -eq 0 ] && command -v debootstrap >/dev/null; then
  mkdir -p "$BERTH_HOSTS_CACHE"
  setsid bash test/hosts/host.sh rootfs "$BERTH_HOSTS_CACHE" >"$BERTH_HOSTS_CACHE/prebuild.log" 2>&1 &
  rootfs_pid=$!
  echo "== building the harness root file system in the background (pid $rootfs_pid, log $BERTH_HOSTS_CACHE/prebuild.log)"
fi

echo "== tsc --noEmit (src, test, examples, bench, program)"
npx tsc --noEmit -p tsconfig.json
echo "== lint"
npx biome lint --error-on-warnings
echo "== build (dist/ made afresh, so nothing stale is packed)"
npm run --silent build
echo "== API reports (api/*.api.md) match the built declarations"
node scripts/api-report.mjs --check

engine_dir=$(mktemp -d /tmp/berth-dockerd.XXXXXX)
echo "== starting a private dockerd under $engine_dir"
engine_env=$(bash scripts/dockerd.sh start "$engine_dir")
while IFS='=' read -r key value; do export "$key=$value"; done <<<"$engine_env"
registry_dir=$(mktemp -d /tmp/berth-registry.XXXXXX)
echo "== starting a private registry under $registry_dir"
registry_env=$(bash scripts/registry.sh start "$registry_dir")
while IFS='=' read -r key value; do export "$key=$value"; done <<<"$registry_env"
export BERTH_REQUIRE_DOCKER=1
# The consumer suite packs Berth once and installs it into users' projects here; removed with the engine's folder.
export BERTH_CONSUMER_DIR="$engine_dir/consumer"

# The multi-host harness's files run last, one at a time and with nothing beside them: they time real swarm
# formation and poll the managers while one is replaced, which the rest of the suite would starve on 2 cores.
others=()
hosts=()
for f in "${files[@]}"; do
  if [[ "$f" == test/hosts/* ]]; then hosts+=("$f"); else others+=("$f"); fi
done
status=0
if [ "${#others[@]}" -gt 0 ]; then
  echo "== node --test (${#others[@]} files)"
  node --import tsx --test --test-concurrency=2 --test-reporter=spec "${others[@]}" || status=$?
fi
if [ "${#hosts[@]}" -gt 0 ]; then
  echo "== node --test, the multi-host harness alone (${#hosts[@]} files)"
  node --import tsx --test --test-concurrency=1 --test-reporter=spec "${hosts[@]}" || status=$?
fi

trap - EXIT
echo "== stopping the registry, dockerd and the harness cache"
stop_all
echo "== registry and engine stopped, $registry_dir and $engine_dir removed"
exit "$status"

#!/usr/bin/env bash
# Start or stop a private image registry on loopback for Berth's build tests (Debian's docker-registry package).
#
#   scripts/registry.sh start DIR   serve a registry with its storage, config and pid file under DIR on a free
#                                   127.0.0.1 port, wait until it answers, print BERTH_TEST_REGISTRY=127.0.0.1:PORT
#   scripts/registry.sh stop DIR    stop it, wait for it to exit, remove DIR; fails if anything is left
#
# A registry on 127.0.0.0/8 needs no TLS: the Docker engine treats loopback registries as insecure by default.
set -euo pipefail

cmd=${1:?usage: registry.sh start|stop DIR}
dir=${2:?usage: registry.sh start|stop DIR}

case "$cmd" in
start)
  command -v docker-registry >/dev/null || { echo "registry.sh: docker-registry not found; install Debian's docker-registry" >&2; exit 1; }
  mkdir -p "$dir/storage"
  port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  cat >"$dir/config.yml" <<EOF
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $dir/storage
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
EOF
  docker-registry serve "$dir/config.yml" >"$dir/registry.log" 2>&1 &
  echo $! >"$dir/registry.pid"
  for _ in $(seq 1 60); do
    if curl -fsS "http://127.0.0.1:$port/v2/" >/dev/null 2>&1; then break; fi
    sleep 0.25
  done
  curl -fsS "http://127.0.0.1:$port/v2/" >/dev/null 2>&1 || { echo "registry.sh: the registry did not answer within 15 s; its log:" >&2; tail -n 20 "$dir/registry.log" >&2; exit 1; }
  echo "BERTH_TEST_REGISTRY=127.0.0.1:$port"
  ;;
stop)
  if [ -f "$dir/registry.pid" ]; then
    pid=$(cat "$dir/registry.pid")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    if kill -0 "$pid" 2>/dev/null; then echo "registry.sh: the registry ($pid) did not stop" >&2; kill -9 "$pid" || true; exit 1; fi
  fi
  rm -rf "$dir"
  if [ -e "$dir" ]; then echo "registry.sh: could not remove $dir" >&2; exit 1; fi
  ;;
*) echo "usage: registry.sh start|stop DIR" >&2; exit 2 ;;
esac

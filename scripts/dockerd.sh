#!/usr/bin/env bash
# Start or stop a private Docker engine for Berth's integration tests.
#
#   scripts/dockerd.sh start DIR   start dockerd with its socket, data root and pid file under DIR,
#                                  wait until it answers, build the busybox test image, init a one-node swarm
#   scripts/dockerd.sh stop DIR    stop that dockerd, wait for it to exit, remove DIR; fails if anything is left
#
# The engine never pulls: the test image comes from `docker import` of a tarball holding busybox.
set -euo pipefail

cmd=${1:?usage: dockerd.sh start|stop DIR}
dir=${2:?usage: dockerd.sh start|stop DIR}

case "$cmd" in
start)
  command -v dockerd >/dev/null || { echo "dockerd.sh: dockerd not found; install Debian's docker.io (apt-get install -y docker.io busybox-static)" >&2; exit 1; }
  busybox=$(command -v busybox || true)
  [ -n "$busybox" ] || { echo "dockerd.sh: busybox not found; install Debian's busybox-static" >&2; exit 1; }
  mkdir -p "$dir/data" "$dir/exec"
  dockerd --host "unix://$dir/docker.sock" --data-root "$dir/data" --exec-root "$dir/exec" \
    --pidfile "$dir/dockerd.pid" >"$dir/dockerd.log" 2>&1 &
  export DOCKER_HOST="unix://$dir/docker.sock"
  for _ in $(seq 1 120); do
    if docker info >/dev/null 2>&1; then break; fi
    sleep 0.5
  done
  docker info >/dev/null 2>&1 || { echo "dockerd.sh: dockerd did not answer within 60 s; its log:" >&2; tail -n 40 "$dir/dockerd.log" >&2; exit 1; }
  # The test image: a root file system holding only a static busybox and a few applets.
  root="$dir/image-root"
  mkdir -p "$root/bin" "$root/tmp" "$root/www"
  cp "$busybox" "$root/bin/busybox"
  for applet in sh sleep ps httpd nc echo cat ls true false env wget; do ln -sf busybox "$root/bin/$applet"; done
  tar -C "$root" -cf "$dir/busybox.tar" .
  docker import "$dir/busybox.tar" berth-test/busybox:1 >/dev/null
  # A one-node swarm that listens on loopback only, on free ports, so that it never opens 2377 to the network and
  # two test engines on one machine do not collide.
  free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
  swarm_port=$(free_port)
  data_port=$(free_port)
  docker swarm init --advertise-addr "127.0.0.1:$swarm_port" --listen-addr "127.0.0.1:$swarm_port" \
    --data-path-port "$data_port" >/dev/null
  echo "DOCKER_HOST=$DOCKER_HOST"
  echo "BERTH_TEST_IMAGE=berth-test/busybox:1"
  echo "BERTH_TEST_TARBALL=$dir/busybox.tar"
  ;;
stop)
  export DOCKER_HOST="unix://$dir/docker.sock"
  if [ -f "$dir/dockerd.pid" ]; then
    pid=$(cat "$dir/dockerd.pid")
    docker swarm leave --force >/dev/null 2>&1 || true
    # Remove everything the tests may have left, so the data root can be deleted.
    ids=$(docker ps -aq 2>/dev/null || true)
    [ -z "$ids" ] || docker rm -f $ids >/dev/null 2>&1 || true
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then echo "dockerd.sh: dockerd ($pid) did not stop" >&2; kill -9 "$pid" || true; exit 1; fi
  fi
  # Containerd shims and mounts under the exec root must be gone before the folder can go.
  if grep -q " $dir" /proc/mounts; then
    grep " $dir" /proc/mounts | awk '{print $2}' | sort -r | xargs -r -n1 umount -l 2>/dev/null || true
  fi
  rm -rf "$dir"
  if [ -e "$dir" ]; then echo "dockerd.sh: could not remove $dir" >&2; exit 1; fi
  if pgrep -f "containerd-shim.*$dir" >/dev/null; then echo "dockerd.sh: containerd shims survive under $dir" >&2; exit 1; fi
  ;;
*) echo "usage: dockerd.sh start|stop DIR" >&2; exit 2 ;;
esac

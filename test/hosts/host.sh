#!/usr/bin/env bash
# The multi-host harness's machine room: Debian hosts on this machine, each with its own root file system (an
# overlay over one cached debootstrap root), network namespace, hostname, process tree, Docker engine and sshd,
# booted by cloud-init from a NoCloud seed. test/hosts/harness.ts drives it; every step is undone by `down`.
#
#   host.sh rootfs CACHE                 build CACHE/rootfs once (debootstrap, mirror from this machine's apt sources)
#   host.sh clean CACHE                  remove CACHE, first unmounting what a stopped build left mounted in it
#   host.sh up DIR ID SUBNET             a switch (its own netns with a bridge) and an admin link: SUBNET.1 here
#   host.sh boot DIR ID NAME ADDRS ROOTFS  boot host NAME at ADDRS (comma-separated, its own first), with the seed
#                                        already in DIR/hosts/NAME/seed; prints the pid that holds it
#   host.sh destroy DIR ID NAME          the machine dies: every process killed, its disk, netns and cgroups removed
#   host.sh down DIR ID                  destroy every host, remove the switch and DIR; fails if anything is left
#
# Nothing leaves the machine: hosts have no default route, only the switch's subnet.
set -euo pipefail

cmd=${1:?usage: host.sh rootfs|clean|up|boot|destroy|down ...}
shift

die() { echo "host.sh: $*" >&2; exit 1; }

# The Debian mirror this machine installs from (deb822 sources first, then the classic list). Never written down.
mirror() {
  local uri
  uri=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
  [ -n "$uri" ] || uri=$(awk '$1 == "deb" {for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) {print $i; exit}}' /etc/apt/sources.list 2>/dev/null || true)
  [ -n "$uri" ] || die "no Debian mirror found in /etc/apt/sources.list.d/*.sources or /etc/apt/sources.list"
  echo "$uri"
}

switch_ns() { echo "berth-$1-sw"; }
# Unmounts everything mounted at or under $1, deepest first (debootstrap mounts proc and sys in the tree it builds and
# leaves them mounted when it is stopped part way; removing the tree then would walk into the live /proc).
unmount_under() {
  local m
  awk -v p="$1" '$2 == p || index($2, p "/") == 1 {print $2}' /proc/self/mounts | sort -r | while read -r m; do
    umount -l "$m" 2>/dev/null || umount "$m"
  done
}
host_ns() { echo "berth-$1-$2"; }
admin_if() { echo "bh$1"; }

case "$cmd" in
rootfs)
  cache=${1:?usage: host.sh rootfs CACHE}
  mkdir -p "$cache"
  exec 9>"$cache/.lock"
  flock 9
  if [ -f "$cache/rootfs/.berth-complete" ]; then echo "$cache/rootfs"; exit 0; fi
  command -v debootstrap >/dev/null || die "debootstrap not found; run scripts/setup.sh (apt-get install debootstrap)"
  trap 'unmount_under "$cache/rootfs.partial"' EXIT
  unmount_under "$cache/rootfs.partial"
  rm -rf --one-file-system "$cache/rootfs.partial"
  debootstrap --variant=minbase \
    --include=openssh-server,openssh-client,iproute2,docker.io,cloud-init,python3-cffi-backend,sudo,openssl \
    bookworm "$cache/rootfs.partial" "$(mirror)" >"$cache/debootstrap.log" 2>&1 ||
    { tail -n 20 "$cache/debootstrap.log" >&2; die "debootstrap failed (log above)"; }
  r="$cache/rootfs.partial"
  # The image's own settings, as a cloud image has them: NoCloud only (no metadata service to wait for), the network
  # is the machine room's, services start at boot (the harness init stands in for systemd). No host keys are baked in.
  # The locale is C.UTF-8, which needs no locale-gen (cloud-init's schema wants a string: `locale: false` made every
  # boot log "Invalid cloud-config provided", since the init stage validates this merged with the user data).
  cat >"$r/etc/cloud/cloud.cfg.d/90-berth-harness.cfg" <<'CFG'
datasource_list: [NoCloud, None]
network: {config: disabled}
manage_etc_hosts: true
locale: C.UTF-8
CFG
  rm -f "$r"/etc/ssh/ssh_host_*
  apt_lists=("$r"/var/lib/apt/lists/*); rm -rf "${apt_lists[@]}" "$r"/var/cache/apt/archives/*.deb
  touch "$r/.berth-complete"
  mv "$r" "$cache/rootfs"
  echo "$cache/rootfs"
  ;;
clean)
  cache=${1:?usage: host.sh clean CACHE}
  unmount_under "$cache"
  rm -rf --one-file-system "$cache"
  ;;
up)
  dir=${1:?DIR}; id=${2:?ID}; subnet=${3:?SUBNET}
  mkdir -p "$dir/hosts"
  sw=$(switch_ns "$id"); a=$(admin_if "$id")
  ip netns add "$sw"
  ip netns exec "$sw" ip link add br0 type bridge
  ip netns exec "$sw" ip link set br0 up
  ip netns exec "$sw" ip link set lo up
  ip link add "$a" type veth peer name "${a}p"
  ip link set "${a}p" netns "$sw"
  ip netns exec "$sw" ip link set "${a}p" master br0 up
  ip addr add "$subnet.1/24" dev "$a"
  ip link set "$a" up
  echo "$subnet" >"$dir/subnet"
  ;;
boot)
  dir=${1:?DIR}; id=${2:?ID}; name=${3:?NAME}; addrs=${4:?ADDRS}; rootfs=${5:?ROOTFS}
  h="$dir/hosts/$name"
  [ -d "$h/seed" ] || die "no seed in $h/seed"
  [ ! -f "$h/pid" ] || die "host $name is running already"
  ns=$(host_ns "$id" "$name"); sw=$(switch_ns "$id")
  # The host's veth: its end is eth0 in the host's netns, the other end a port of the switch.
  port="v$id$(printf '%s' "$name" | cksum | cut -c1-6)"
  port=${port:0:15}
  mkdir -p "$h/upper" "$h/work" "$h/root" "$h/docker"
  # The machine's disk, first boot: the NoCloud seed, the harness init, and the engine's cgroup of its own.
  mkdir -p "$h/upper/var/lib/cloud/seed/nocloud" "$h/upper/sbin" "$h/upper/etc/docker" "$h/upper/var/lib/docker"
  cp "$h/seed/meta-data" "$h/seed/user-data" "$h/upper/var/lib/cloud/seed/nocloud/"
  install -m 0755 "$(dirname "$0")/host-init.sh" "$h/upper/sbin/berth-host-init"
  printf '{"cgroup-parent": "/berth-%s-%s"}\n' "$id" "$name" >"$h/upper/etc/docker/daemon.json"
  ip netns add "$ns"
  ip link add "$port" type veth peer name "${port}h"
  ip link set "${port}h" netns "$ns"
  ip link set "$port" netns "$sw"
  ip netns exec "$sw" ip link set "$port" master br0 up
  ip netns exec "$ns" ip link set "${port}h" name eth0
  IFS=, read -r -a addresses <<<"$addrs"
  for addr in "${addresses[@]}"; do ip netns exec "$ns" ip addr add "$addr/24" dev eth0; done
  ip netns exec "$ns" ip link set eth0 up
  ip netns exec "$ns" ip link set lo up
  # Its own mount, pid, uts and ipc namespaces; pid 1 is the harness init inside the chroot. When the unshare
  # process dies its child is killed, and with it every process of the host. A machine boots with an environment of
  # its own, never the test's (whose DOCKER_HOST, for one, names the test engine).
  env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
    setsid ip netns exec "$ns" unshare --mount --pid --uts --ipc --fork --kill-child=SIGKILL \
    bash -c '
      set -e
      h=$1; rootfs=$2
      mount -t overlay overlay -o "lowerdir=$rootfs,upperdir=$h/upper,workdir=$h/work" "$h/root"
      r=$h/root
      mount --bind "$h/docker" "$r/var/lib/docker"
      mount -t proc proc "$r/proc"
      mount -t sysfs sysfs "$r/sys"
      mount -t cgroup2 cgroup2 "$r/sys/fs/cgroup"
      mount --rbind /dev "$r/dev"
      mount -t tmpfs -o mode=1777 tmpfs "$r/dev/shm"
      mount -t devpts -o newinstance,ptmxmode=0666 devpts "$r/dev/pts"
      mount --bind "$r/dev/pts/ptmx" "$r/dev/ptmx"
      mount -t tmpfs -o mode=0755 tmpfs "$r/run"
      mount -t tmpfs -o mode=1777 tmpfs "$r/tmp"
      hostname localhost
      exec chroot "$r" /sbin/berth-host-init
    ' boot "$h" "$rootfs" </dev/null >"$h/console.log" 2>&1 &
  echo $! >"$h/pid"
  echo "$ns" >"$h/netns"
  echo "$port" >"$h/port"
  cat "$h/pid"
  ;;
destroy)
  dir=${1:?DIR}; id=${2:?ID}; name=${3:?NAME}
  h="$dir/hosts/$name"
  if [ -f "$h/pid" ]; then
    pid=$(cat "$h/pid")
    # The unshare process's death kills pid 1 of the host, and the kernel then kills every process in it.
    kill -KILL "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && die "host $name ($pid) did not stop"
    for _ in $(seq 1 100); do grep -q " $h/" /proc/*/mounts 2>/dev/null || break; sleep 0.1; done
  fi
  ns=$(host_ns "$id" "$name")
  if ip netns list | awk '{print $1}' | grep -qx "$ns"; then ip netns del "$ns"; fi
  # Empty cgroups the host's engine made (its containers were killed with it).
  cg="/sys/fs/cgroup/berth-$id-$name"
  if [ -d "$cg" ]; then find "$cg" -depth -type d -exec rmdir {} + 2>/dev/null || true; fi
  [ ! -d "$cg" ] || die "cgroup $cg of host $name survives"
  rm -rf "$h"
  [ ! -e "$h" ] || die "could not remove $h"
  ;;
down)
  dir=${1:?DIR}; id=${2:?ID}
  if [ -d "$dir/hosts" ]; then
    for h in "$dir"/hosts/*/; do
      [ -d "$h" ] || continue
      "$0" destroy "$dir" "$id" "$(basename "$h")"
    done
  fi
  sw=$(switch_ns "$id"); a=$(admin_if "$id")
  if ip link show "$a" >/dev/null 2>&1; then ip link del "$a"; fi
  if ip netns list | awk '{print $1}' | grep -qx "$sw"; then ip netns del "$sw"; fi
  rm -rf "$dir"
  left=()
  [ ! -e "$dir" ] || left+=("folder $dir")
  ip netns list | awk '{print $1}' | grep -q "^berth-$id-" && left+=("network namespaces: $(ip netns list | awk '{print $1}' | grep "^berth-$id-" | tr '\n' ' ')")
  ip link show "$a" >/dev/null 2>&1 && left+=("link $a")
  grep -q " $dir" /proc/mounts && left+=("mounts under $dir")
  compgen -G "/sys/fs/cgroup/berth-$id-*" >/dev/null && left+=("cgroups /sys/fs/cgroup/berth-$id-*")
  for p in /proc/[0-9]*; do
    case "$(readlink "$p/root" 2>/dev/null)" in "$dir"/*) left+=("process ${p#/proc/}") ;; esac
  done
  if [ "${#left[@]}" -gt 0 ]; then die "left behind: ${left[*]}"; fi
  ;;
*) die "unknown command $cmd" ;;
esac

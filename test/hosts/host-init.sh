#!/bin/bash
# pid 1 of a harness host, in the host's own root: what systemd does when a cloud image boots, in the same order.
#   cloud-init-local, cloud-init (init stage: hostname, users, SSH host keys, write_files)
#   ssh.service and docker.service (both enabled in the image)
#   cloud-config (config stage: runcmd is written), cloud-final (final stage: scripts-user runs it)
# The user data is cloud-init's to read from the NoCloud seed; this script never looks at it.
exec >>/var/log/berth-host-init.log 2>&1
stage() { echo "berth-host-init: $* at $(date +%s.%N)"; }
services=()
shutdown() {
  stage "shutdown"
  kill -TERM "${services[@]}" 2>/dev/null
  wait
  exit 0
}
trap shutdown TERM INT
stage "boot"
cloud-init init --local
cloud-init init
stage "services"
mkdir -p /run/sshd
/usr/sbin/sshd -D -e >>/var/log/sshd.log 2>&1 &
services+=($!)
dockerd >>/var/log/dockerd.log 2>&1 &
services+=($!)
cloud-init modules --mode config
stage "final"
cloud-init modules --mode final
stage "booted"
echo booted >/run/berth-booted
# Reap orphans and keep the services until the machine is stopped.
while :; do wait; sleep 1; done

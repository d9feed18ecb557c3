#!/usr/bin/env bash
# Installs what Berth's tests need on a fresh Debian machine: the Docker engine and busybox (integration tests),
# cloud-init and shellcheck (bootstrap validation), Chromium (the preview page), docker-compose (the reference
# reading of Compose files), docker-registry (a loopback registry for build pushes), debootstrap, the OpenSSH client
# and iproute2 (the multi-host harness of test/hosts/), then the npm dependencies.
set -euo pipefail
cd "$(dirname "$0")/.."
packages=(docker.io busybox-static cloud-init shellcheck chromium docker-compose docker-registry debootstrap openssh-client iproute2)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ "${#missing[@]}" -gt 0 ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
# The package's own service would listen on :5000 on every interface; the tests start their own on loopback.
if command -v systemctl >/dev/null && systemctl is-enabled docker-registry >/dev/null 2>&1; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo systemctl disable --now docker-registry >/dev/null 2>&1 || true
fi
npm ci --no-audit --no-fund

/** Where the package-install script lives on every machine whose bootstrap installs packages this way. */
export const ENSURE_PACKAGES_SCRIPT = "/usr/local/sbin/berth-ensure-packages";

/**
 * A script that installs the Debian/Ubuntu packages named as its arguments that are not installed yet, and does
 * nothing (needing no package mirror at all) when every one is there already, as on an image with the engine baked in
 * or a machine of an existing pool. `apt-get` runs with cloud-init's own options, retried while another apt (the
 * image's first-boot upgrades) holds the lock.
 */
export function renderEnsurePackagesScript(): string {
  return `#!/bin/bash
# Berth: installs the packages named as arguments that are missing; nothing to do when all are installed.
set -euo pipefail
missing=()
for p in "$@"; do
  if [ "$(dpkg-query -W -f='\${db:Status-Status}' "$p" 2>/dev/null)" != installed ]; then missing+=("$p"); fi
done
if [ "\${#missing[@]}" -eq 0 ]; then exit 0; fi
export DEBIAN_FRONTEND=noninteractive
for attempt in 1 2 3 4 5; do
  if apt-get update -q && apt-get install -y -q -o Dpkg::Options::=--force-confold "\${missing[@]}"; then exit 0; fi
  sleep $((attempt * 10))
done
echo "berth: could not install \${missing[*]}" >&2
exit 1
`;
}

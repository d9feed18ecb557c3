import type { CloudInitConfig } from "./cloud-init";
import { shellQuote } from "../core/shell-quote";

/**
 * What cloud-init does with a machine's cloud-config on its first boot, as one bash script run as root over SSH on a
 * machine that already exists (an existing pool, where there is no first boot and no user data). Pure: the same config
 * always renders the same text. Safe to run again: files are rewritten atomically, a user that exists is updated, and
 * the commands are the config's own, which Berth's bootstraps write to be idempotent.
 *
 * - `hostname` is checked, never set: a machine of yours keeps its name, and the script stops before changing
 *   anything when the name differs.
 * - `files` are written with their permissions and owner; their content travels base64-encoded, so no character of it
 *   can reach the shell.
 * - `users` are created (or updated) with a locked password, their groups and their `authorized_keys`.
 * - `runcmd` runs in order; the first command that fails stops the script with its exit code.
 *
 * `sshHostKeys` and `packages` are not rendered: an existing machine keeps its own SSH host keys (joining nodes and
 * Pulumi pin the keys you give), and packages are installed by the bootstrap's own idempotent install step.
 *
 * @example
 * ```ts
 * const script = renderConfigScript({ hostname: "node-a", files: [{ path: "/etc/app.conf", content: "x=1\n" }] });
 * new command.remote.Command("node-a-bootstrap", { connection, create: renderRootStdinCommand(), stdin: pulumi.secret(script) });
 * ```
 */
export function renderConfigScript(config: CloudInitConfig): string {
  if (config.sshHostKeys) throw new Error("renderConfigScript: an existing machine keeps its own SSH host keys; render none");
  if (config.packages && config.packages.length > 0) {
    throw new Error("renderConfigScript: install packages with a runcmd step (berth-ensure-packages), not `packages`");
  }
  const lines = [
    "#!/bin/bash",
    "# Berth: this machine's bootstrap, run as root over SSH: what cloud-init does with its cloud-config on a new machine.",
    "set -euo pipefail",
    "umask 022",
    'if [ "$(id -u)" -ne 0 ]; then echo "berth: the bootstrap must run as root" >&2; exit 1; fi',
  ];
  if (config.hostname !== undefined) {
    lines.push(
      `expected=${shellQuote(config.hostname)}`,
      "actual=$(hostname)",
      'if [ "$actual" != "$expected" ]; then',
      `  echo "berth: this machine's hostname is $actual, not $expected (its node name): name it $actual in the program, or rename the machine" >&2`,
      "  exit 1",
      "fi",
    );
  }
  lines.push(
    "berth_write() {",
    "  local path=$1 mode=$2 owner=$3 tmp",
    '  mkdir -p "$(dirname "$path")"',
    '  tmp=$(mktemp "$path.berth.XXXXXX")',
    '  base64 -d >"$tmp"',
    '  chmod "$mode" "$tmp"',
    '  chown "$owner" "$tmp"',
    '  mv -f "$tmp" "$path"',
    "}",
  );
  for (const f of config.files ?? []) {
    lines.push(`printf '%s\\n' ${base64(f.content)} | berth_write ${shellQuote(f.path)} ${shellQuote(f.permissions ?? "0644")} ${shellQuote(f.owner ?? "root:root")}`);
  }
  for (const u of config.users ?? []) {
    const name = shellQuote(u.name);
    const groups = (u.groups ?? "").split(",").map((g) => g.trim()).filter((g) => g !== "");
    const shell = shellQuote(u.shell ?? "/bin/bash");
    for (const g of groups) lines.push(`getent group ${shellQuote(g)} >/dev/null || groupadd ${shellQuote(g)}`);
    const groupArgs = groups.length > 0 ? ` --groups ${shellQuote(groups.join(","))}` : "";
    lines.push(
      `if id -u ${name} >/dev/null 2>&1; then usermod --shell ${shell}${groups.length > 0 ? ` --append${groupArgs}` : ""} ${name}; else useradd --create-home --shell ${shell}${groupArgs} ${name}; fi`,
      `usermod --lock ${name}`,
    );
    if (u.sshAuthorizedKeys && u.sshAuthorizedKeys.length > 0) {
      const keys = u.sshAuthorizedKeys.map((k) => `${k.trim()}\n`).join("");
      lines.push(
        `home=$(getent passwd ${name} | cut -d: -f6)`,
        `group=$(id -gn ${name})`,
        `install -d -m 0700 -o ${name} -g "$group" "$home/.ssh"`,
        `printf '%s\\n' ${base64(keys)} | berth_write "$home/.ssh/authorized_keys" 0600 ${shellQuote(`${u.name}:`)}"$group"`,
      );
    }
  }
  for (const argv of config.runcmd ?? []) lines.push(argv.map((a) => shellQuote(a)).join(" "));
  return `${lines.join("\n")}\n`;
}

/**
 * The command Pulumi sends to a machine's login shell (any POSIX shell) to run the script it is given on standard
 * input with bash as root: directly when the SSH user is root, else through `sudo -n` (passwordless sudo), stopped
 * after `timeoutSeconds`. The script itself never appears on a command line, so secrets in it stay out of `ps`.
 */
export function renderRootStdinCommand(timeoutSeconds: number): string {
  return `set -- timeout ${Math.floor(timeoutSeconds)} bash -s; [ "$(id -u)" -eq 0 ] || set -- sudo -n "$@"; exec "$@"`;
}

/**
 * The command Pulumi sends to a machine's login shell (any POSIX shell) to run a bash script as root: directly when
 * the SSH user is root, else through `sudo -n`. Inside, `sudo` is a no-op (the script already runs as root), so a
 * script written for a sudo user runs unchanged on a machine that has no sudo. For scripts without secrets.
 */
export function renderRootCommand(script: string): string {
  const body = `sudo() { "$@"; }\n${script.replace(/^#!.*\n/, "")}`;
  return `set -- bash -c ${shellQuote(body)}; [ "$(id -u)" -eq 0 ] || set -- sudo -n "$@"; exec "$@"`;
}

function base64(text: string): string {
  return Buffer.from(text, "utf8").toString("base64");
}

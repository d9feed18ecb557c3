import * as yaml from "js-yaml";
import { shellQuote } from "../core/shell-quote";

/** One file cloud-init writes before running commands. */
export interface CloudInitFile {
  /** Absolute path on the machine. */
  path: string;
  /** The file's text. */
  content: string;
  /** Octal permissions, e.g. `"0600"`. @default "0644" */
  permissions?: string;
  /** `user:group`. @default "root:root" */
  owner?: string;
}

/** One local user cloud-init creates. */
export interface CloudInitUser {
  name: string;
  /** Supplementary groups, comma-separated. @default none */
  groups?: string;
  /** Full `authorized_keys` lines (options allowed, e.g. a forced `command="..."`). @default none */
  sshAuthorizedKeys?: string[];
  /** The login shell. @default "/bin/bash" */
  shell?: string;
}

/** The subset of cloud-config Berth renders: every machine of every cluster is described with these fields. */
export interface CloudInitConfig {
  /** The machine's hostname (also its node name in the cluster). @default left to the cloud */
  hostname?: string;
  /** Debian/Ubuntu packages installed on first boot. @default none */
  packages?: string[];
  /** Files written on first boot, before `runcmd`. @default none */
  files?: CloudInitFile[];
  /** Users created on first boot, in addition to the image's default user. @default none */
  users?: CloudInitUser[];
  /** SSH host keys to install instead of generated ones: `ed25519_private`/`ed25519_public`. @default generated */
  sshHostKeys?: { ed25519Private: string; ed25519Public: string };
  /** Commands run once, in order, on first boot (each an argv array). @default none */
  runcmd?: string[][];
}

/**
 * Renders a cloud-config document (`#cloud-config` then YAML). Pure: the same config always renders the same text,
 * so a machine's user data changes only when one of its inputs does.
 */
export function renderCloudInit(config: CloudInitConfig): string {
  const doc: Record<string, unknown> = {};
  if (config.hostname !== undefined) {
    doc["hostname"] = config.hostname;
    doc["preserve_hostname"] = false;
  }
  if (config.users && config.users.length > 0) {
    doc["users"] = [
      "default",
      ...config.users.map((u) => {
        const user: Record<string, unknown> = { name: u.name, shell: u.shell ?? "/bin/bash", lock_passwd: true };
        if (u.groups !== undefined) user["groups"] = u.groups;
        if (u.sshAuthorizedKeys && u.sshAuthorizedKeys.length > 0) user["ssh_authorized_keys"] = u.sshAuthorizedKeys;
        return user;
      }),
    ];
  }
  if (config.sshHostKeys) {
    doc["ssh_deletekeys"] = true;
    doc["ssh_genkeytypes"] = ["ed25519"];
    doc["ssh_keys"] = {
      ed25519_private: config.sshHostKeys.ed25519Private,
      ed25519_public: config.sshHostKeys.ed25519Public,
    };
  }
  if (config.packages && config.packages.length > 0) {
    doc["package_update"] = true;
    doc["packages"] = config.packages;
  }
  if (config.files && config.files.length > 0) {
    doc["write_files"] = config.files.map((f) => ({
      path: f.path,
      content: f.content,
      permissions: f.permissions ?? "0644",
      owner: f.owner ?? "root:root",
    }));
  }
  if (config.runcmd && config.runcmd.length > 0) doc["runcmd"] = config.runcmd;
  return `#cloud-config\n${yaml.dump(doc, { lineWidth: -1, noRefs: true, sortKeys: false })}`;
}

/** Renders `NAME=value` lines for a bash script, each value quoted. */
export function shellAssignments(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([k, v]) => `${k}=${shellQuote(v)}`)
    .join("\n");
}

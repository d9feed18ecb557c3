/**
 * Berth's optional peer dependencies: the provider packages only some areas need. A user of `berth/docker` installs
 * none of them; the code that needs one loads it when it runs, and a missing one is an error that names the package
 * and the command that installs it. This table is the one place that says which module needs which package.
 */

/** An optional peer dependency of berth. */
export type PeerName = "@pulumi/aws" | "@pulumi/openstack" | "@pulumi/kubernetes";

/** What needs a peer: the package, the subpaths that reach the module, and what the user was doing. */
export interface PeerUse {
  /** The package the module loads. */
  peer: PeerName;
  /** The berth subpaths whose code reaches the module. */
  subpaths: readonly string[];
  /** What needs the package, as an error message says it. */
  what: string;
}

/** The subpaths whose clusters create machines on a cloud. */
const CLOUD_SUBPATHS = ["berth/cloud", "berth/swarm", "berth/kubernetes", "berth/mesos"] as const;

/** Every module (by its path below src/) that loads a peer, and what for. */
export const PEER_USES = {
  "cloud/aws/machines": { peer: "@pulumi/aws", subpaths: CLOUD_SUBPATHS, what: "creating machines on AWS (cloud.aws)" },
  "cloud/aws/site": {
    peer: "@pulumi/aws",
    subpaths: CLOUD_SUBPATHS,
    what: "creating the AWS key pair and security group of a cluster (cloud.aws)",
  },
  "cloud/openstack/machines": { peer: "@pulumi/openstack", subpaths: CLOUD_SUBPATHS, what: "creating machines on OpenStack (cloud.openstack)" },
  "cloud/openstack/site": {
    peer: "@pulumi/openstack",
    subpaths: CLOUD_SUBPATHS,
    what: "creating the OpenStack key pair and security group of a cluster (cloud.openstack)",
  },
  "kubernetes/workload": { peer: "@pulumi/kubernetes", subpaths: ["berth/kubernetes"], what: "KubernetesWorkload" },
  "kubernetes/cluster": {
    peer: "@pulumi/kubernetes",
    subpaths: ["berth/kubernetes"],
    what: "KubernetesCluster (its Kubernetes provider)",
  },
} as const satisfies Record<string, PeerUse>;

/** A module that loads a peer. */
export type PeerUser = keyof typeof PEER_USES;

/** The message for a peer that is not installed. */
export function missingPeerMessage(user: PeerUser): string {
  const use: PeerUse = PEER_USES[user];
  return `${use.what} needs ${use.peer}, an optional peer dependency of berth that is not installed; install it next to berth: npm install ${use.peer}`;
}

/** True when `error` says that `name` itself (not something it requires) cannot be found. */
function isMissing(error: unknown, name: string): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as NodeJS.ErrnoException).code;
  return (code === "MODULE_NOT_FOUND" || code === "ERR_MODULE_NOT_FOUND") && error.message.includes(`'${name}'`);
}

/**
 * Loads the peer a module needs, when it needs it. `T` is the package's type (`typeof import("@pulumi/aws")`).
 * @throws an error naming the package and `npm install <package>` when it is not installed
 */
export function loadPeer<T>(user: PeerUser, load: (name: string) => unknown = require): T {
  const name = PEER_USES[user].peer;
  try {
    return load(name) as T;
  } catch (error) {
    if (isMissing(error, name)) throw new Error(missingPeerMessage(user));
    throw error;
  }
}

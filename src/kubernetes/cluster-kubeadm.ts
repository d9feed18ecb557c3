import * as crypto from "node:crypto";
import * as yaml from "js-yaml";

/** A CNI plugin Berth can install: the manifest applied after `kubeadm init`, and the pod CIDR it expects. */
export interface CniChoice {
  /** The manifest URL, pinned to a release. */
  manifestUrl: string;
  /** The pod network CIDR given to kubeadm (`networking.podSubnet`). */
  podSubnet: string;
}

/** The CNI plugins a KubernetesCluster can install; `calico` is the default (it also enforces NetworkPolicy). */
export const CNI_PLUGINS: Readonly<Record<string, CniChoice>> = {
  calico: {
    manifestUrl: "https://raw.githubusercontent.com/projectcalico/calico/v3.28.2/manifests/calico.yaml",
    podSubnet: "192.168.0.0/16",
  },
  flannel: {
    manifestUrl: "https://github.com/flannel-io/flannel/releases/download/v0.25.7/kube-flannel.yml",
    podSubnet: "10.244.0.0/16",
  },
};

/**
 * kubeadm's `--discovery-token-ca-cert-hash` for a CA: `sha256:` and the hex SHA-256 of the CA public key's
 * SubjectPublicKeyInfo (DER). Computed from the generated CA key, so nodes verify the control plane without any
 * SSH round trip.
 */
export function kubeadmCaCertHash(caPublicKeyPem: string): string {
  const der = crypto.createPublicKey(caPublicKeyPem).export({ type: "spki", format: "der" });
  return `sha256:${crypto.createHash("sha256").update(der).digest("hex")}`;
}

/** A kubeadm bootstrap token (`[a-z0-9]{6}.[a-z0-9]{16}`) from its two random parts; throws on a wrong shape. */
export function kubeadmBootstrapToken(id: string, secret: string): string {
  const token = `${id}.${secret}`;
  if (!/^[a-z0-9]{6}\.[a-z0-9]{16}$/.test(token)) {
    throw new Error("a kubeadm bootstrap token is 6 then 16 lowercase letters or digits, joined by a dot");
  }
  return token;
}

/** The CNI plugin a KubernetesCluster installs when `cni` is not given. */
export const DEFAULT_CNI = "calico";

/** The Kubernetes release a KubernetesCluster installs when `kubernetesVersion` is not given. */
export const DEFAULT_KUBERNETES_VERSION = "1.31.4";

/** The oldest Kubernetes minor release the rendered kubeadm configuration (`kubeadm.k8s.io/v1beta4`) supports. */
export const MIN_KUBERNETES_MINOR = 31;

/** The kubeadm configuration API version Berth renders. */
export const KUBEADM_API_VERSION = "kubeadm.k8s.io/v1beta4";

/**
 * The host name every node reaches the API server by (`controlPlaneEndpoint`). Each node maps it in `/etc/hosts`:
 * control-plane nodes to themselves once they serve, other nodes to the first control-plane node that answered when
 * they joined. So a replaced control-plane node 0 can rejoin through a live peer instead of waiting for itself.
 */
export const KUBERNETES_API_NAME = "berth-kubernetes-api";

/** containerd's CRI socket, given to kubeadm so it never has to guess. */
export const CONTAINERD_SOCKET = "unix:///run/containerd/containerd.sock";

/** The service CIDR (kubeadm's default, written out so it is visible). */
export const SERVICE_SUBNET = "10.96.0.0/12";

/** A parsed `major.minor.patch` Kubernetes version, or undefined when `version` is not one Berth can install. */
export function parseKubernetesVersion(version: string): { minor: number; patch: number } | undefined {
  const m = /^1\.(\d+)\.(\d+)$/.exec(version);
  if (!m) return undefined;
  const minor = Number(m[1]);
  if (minor < MIN_KUBERNETES_MINOR) return undefined;
  return { minor, patch: Number(m[2]) };
}

/**
 * Where the packages of a Kubernetes version come from: the community repository of its minor release on
 * pkgs.k8s.io, and the Debian package version (`1.31.4-1.1`) pinned for kubelet, kubeadm and kubectl.
 */
export function kubernetesPackages(version: string): { repository: string; packageVersion: string } {
  const minor = version.split(".").slice(0, 2).join(".");
  return { repository: `https://pkgs.k8s.io/core:/stable:/v${minor}/deb/`, packageVersion: `${version}-1.1` };
}

/** The cluster-level values kubeadm's configuration is rendered from. */
export interface KubeadmValues {
  /** The cluster's name (`clusterName`). */
  clusterName: string;
  /** `major.minor.patch`, e.g. `1.31.4`. */
  kubernetesVersion: string;
  /** The node's name ("" to let kubeadm use the machine's hostname, for machines of an auto-scaling group). */
  nodeName: string;
  /** The bootstrap token (`[a-z0-9]{6}.[a-z0-9]{16}`). */
  bootstrapToken: string;
  /** `sha256:<hex>` of the cluster CA's public key. */
  caCertHash: string;
  /** The pod network CIDR of the chosen CNI plugin. */
  podSubnet: string;
  /** Extra names and addresses the API server certificate is valid for (every control-plane address). */
  certSans: string[];
}

function nodeRegistration(v: KubeadmValues): Record<string, unknown> {
  return { ...(v.nodeName !== "" ? { name: v.nodeName } : {}), criSocket: CONTAINERD_SOCKET };
}

function dumpDocuments(docs: Record<string, unknown>[]): string {
  return docs.map((d) => yaml.dump(d, { lineWidth: -1, noRefs: true, sortKeys: false })).join("---\n");
}

/**
 * The `kubeadm init` configuration of a new cluster's first control-plane node: the bootstrap token with a TTL of
 * `0s` (it never expires, so machines added or replaced months later still join), and the cluster's version,
 * endpoint, pod subnet and API server certificate names. The CA, front-proxy CA, etcd CA and service-account keys
 * are already in `/etc/kubernetes/pki`, so kubeadm uses them instead of generating its own.
 */
export function renderKubeadmInitConfig(v: KubeadmValues): string {
  return dumpDocuments([
    {
      apiVersion: KUBEADM_API_VERSION,
      kind: "InitConfiguration",
      bootstrapTokens: [
        {
          token: v.bootstrapToken,
          description: "Berth: nodes join with this token; it never expires",
          ttl: "0s",
          usages: ["signing", "authentication"],
          groups: ["system:bootstrappers:kubeadm:default-node-token"],
        },
      ],
      nodeRegistration: nodeRegistration(v),
    },
    {
      apiVersion: KUBEADM_API_VERSION,
      kind: "ClusterConfiguration",
      clusterName: v.clusterName,
      kubernetesVersion: `v${v.kubernetesVersion}`,
      controlPlaneEndpoint: `${KUBERNETES_API_NAME}:6443`,
      networking: { podSubnet: v.podSubnet, serviceSubnet: SERVICE_SUBNET },
      apiServer: { certSANs: [KUBERNETES_API_NAME, ...v.certSans] },
    },
  ]);
}

/**
 * The `kubeadm join` configuration of a node: discovery by the bootstrap token, the control plane verified by its
 * CA public-key hash. A control-plane node joins with `controlPlane: {}` and the shared certificates already on disk
 * (no `certificate-key` upload, which would expire after two hours).
 */
export function renderKubeadmJoinConfig(v: KubeadmValues, controlPlane: boolean): string {
  return dumpDocuments([
    {
      apiVersion: KUBEADM_API_VERSION,
      kind: "JoinConfiguration",
      discovery: {
        bootstrapToken: {
          apiServerEndpoint: `${KUBERNETES_API_NAME}:6443`,
          token: v.bootstrapToken,
          caCertHashes: [v.caCertHash],
        },
      },
      nodeRegistration: nodeRegistration(v),
      ...(controlPlane ? { controlPlane: {} } : {}),
    },
  ]);
}

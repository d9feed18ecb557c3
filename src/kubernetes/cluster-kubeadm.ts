import * as crypto from "node:crypto";

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

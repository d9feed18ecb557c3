import * as pulumi from "@pulumi/pulumi";
import { provided } from "../core/provided";
import * as tls from "@pulumi/tls";
import type { KubernetesPkiFiles } from "./cluster-bootstrap";

/** How long the cluster's certificate authorities are valid: ten years, as kubeadm's own. */
export const CA_VALIDITY_HOURS = 87600;
/** How long the admin client certificate is valid: one year, renewed by `pulumi up` in its last 30 days. */
export const ADMIN_CERT_VALIDITY_HOURS = 8760;
/** When `pulumi up` renews the admin client certificate. */
export const ADMIN_CERT_EARLY_RENEWAL_HOURS = 720;

const KEY_SECRETS = ["privateKeyPem", "privateKeyOpenssh", "privateKeyPemPkcs8"];

/** The generated key material of a Kubernetes cluster, as outputs (keys secret). */
export interface KubernetesPki {
  /** The cluster CA's key (RSA), whose public half nodes verify the control plane by. */
  caKey: tls.PrivateKey;
  /** What control-plane nodes hold in `/etc/kubernetes/pki` (secret). */
  files: pulumi.Output<KubernetesPkiFiles>;
  /** The cluster CA certificate (PEM). */
  caCertPem: pulumi.Output<string>;
  /** The admin client certificate (PEM), in group `system:masters`. */
  adminCertPem: pulumi.Output<string>;
  /** The admin client key (PEM, secret). */
  adminKeyPem: pulumi.Output<string>;
}

function certificateAuthority(name: string, commonName: string, parent: pulumi.Resource) {
  const key = new tls.PrivateKey(`${name}-key`, { algorithm: "RSA", rsaBits: 2048 }, { parent, additionalSecretOutputs: KEY_SECRETS });
  const cert = new tls.SelfSignedCert(
    name,
    {
      privateKeyPem: key.privateKeyPem,
      subject: { commonName },
      isCaCertificate: true,
      validityPeriodHours: CA_VALIDITY_HOURS,
      allowedUses: ["cert_signing", "crl_signing", "digital_signature", "key_encipherment"],
    },
    { parent },
  );
  return { key, cert };
}

/**
 * Generates a cluster's PKI with `@pulumi/tls`, as children of `parent` named `${name}-...`: the cluster CA, the
 * front-proxy CA, the etcd CA, the service-account key pair, and an admin client certificate signed by the cluster
 * CA (`CN=kubernetes-admin`, `O=system:masters`). kubeadm finds the CAs and the service-account key on disk and
 * signs everything else itself, so nothing needs to be copied between nodes.
 */
export function createKubernetesPki(name: string, parent: pulumi.Resource): KubernetesPki {
  const ca = certificateAuthority(`${name}-ca`, "kubernetes", parent);
  const frontProxy = certificateAuthority(`${name}-front-proxy-ca`, "front-proxy-ca", parent);
  const etcd = certificateAuthority(`${name}-etcd-ca`, "etcd-ca", parent);
  const serviceAccount = new tls.PrivateKey(
    `${name}-service-account-key`,
    { algorithm: "RSA", rsaBits: 2048 },
    { parent, additionalSecretOutputs: KEY_SECRETS },
  );
  const adminKey = new tls.PrivateKey(`${name}-admin-key`, { algorithm: "RSA", rsaBits: 2048 }, { parent, additionalSecretOutputs: KEY_SECRETS });
  const adminRequest = new tls.CertRequest(
    `${name}-admin-csr`,
    { privateKeyPem: adminKey.privateKeyPem, subject: { commonName: "kubernetes-admin", organization: "system:masters" } },
    { parent },
  );
  const adminCert = new tls.LocallySignedCert(
    `${name}-admin-cert`,
    {
      certRequestPem: adminRequest.certRequestPem,
      caPrivateKeyPem: ca.key.privateKeyPem,
      caCertPem: ca.cert.certPem,
      validityPeriodHours: ADMIN_CERT_VALIDITY_HOURS,
      earlyRenewalHours: ADMIN_CERT_EARLY_RENEWAL_HOURS,
      allowedUses: ["client_auth", "digital_signature", "key_encipherment"],
    },
    { parent },
  );
  const files = pulumi.secret(
    pulumi
      .all([
        provided(ca.cert, "certPem"),
        provided(ca.key, "privateKeyPem"),
        provided(frontProxy.cert, "certPem"),
        provided(frontProxy.key, "privateKeyPem"),
        provided(etcd.cert, "certPem"),
        provided(etcd.key, "privateKeyPem"),
        provided(serviceAccount, "privateKeyPem"),
        provided(serviceAccount, "publicKeyPem"),
      ])
      .apply(([caCert, caKey, frontProxyCaCert, frontProxyCaKey, etcdCaCert, etcdCaKey, serviceAccountKey, serviceAccountPublicKey]) => ({
        caCert,
        caKey,
        frontProxyCaCert,
        frontProxyCaKey,
        etcdCaCert,
        etcdCaKey,
        serviceAccountKey,
        serviceAccountPublicKey,
      })),
  );
  return {
    caKey: ca.key,
    files,
    caCertPem: provided(ca.cert, "certPem"),
    adminCertPem: provided(adminCert, "certPem"),
    adminKeyPem: pulumi.secret(provided(adminKey, "privateKeyPem")),
  };
}

/**
 * Values only a deployment produces, made up for unit tests in update mode: real key pairs (so that whatever Berth
 * derives from them, a CA hash or a decrypted join token, really works) and what Berth's own remote commands print.
 * One key pair per resource name and algorithm per process, generated the first time it is asked for: two keys of a
 * program never share their private half (as in a deployment), and asking again for the same name gives the same pair.
 */
import * as crypto from "node:crypto";

/** The swarm join tokens that mocked managers hand out (shaped like Docker's, made of nothing secret). */
export const MOCK_SWARM_TOKENS = {
  worker: "SWMTKN-1-0mock0worker0token0000000000000000000000000000-abcdefghijklmnopqrstuvwxy",
  manager: "SWMTKN-1-0mock0manager0token000000000000000000000000000-zyxwvutsrqponmlkjihgfedcb",
} as const;

const pairs = new Map<string, Record<string, string>>();

/** The OpenSSH public key line of an ed25519 key (`ssh-ed25519 AAAA…`). */
function opensshEd25519(publicKey: crypto.KeyObject): string {
  const raw = Buffer.from((publicKey.export({ format: "jwk" }) as { x: string }).x, "base64url");
  const field = (b: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(b.length);
    return Buffer.concat([len, b]);
  };
  return `ssh-ed25519 ${Buffer.concat([field(Buffer.from("ssh-ed25519")), field(raw)]).toString("base64")}`;
}

/** The OpenSSH public key line of an RSA key (`ssh-rsa AAAA…`). */
function opensshRsa(publicKey: crypto.KeyObject): string {
  const jwk = publicKey.export({ format: "jwk" }) as { e: string; n: string };
  const mpint = (b64: string) => {
    let b = Buffer.from(b64, "base64url");
    if (b[0]! & 0x80) b = Buffer.concat([Buffer.from([0]), b]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(b.length);
    return Buffer.concat([len, b]);
  };
  const name = Buffer.from("ssh-rsa");
  const len = Buffer.alloc(4);
  len.writeUInt32BE(name.length);
  return `ssh-rsa ${Buffer.concat([len, name, mpint(jwk.e), mpint(jwk.n)]).toString("base64")}`;
}

/**
 * A real key pair for a `tls.PrivateKey` algorithm (RSA, ED25519, ECDSA), in the provider's output names: its own
 * pair for each resource name, the same one each time that name asks.
 */
export function deployedKeyPair(algorithm: string, name: string): Record<string, string> {
  const kind = algorithm.toUpperCase();
  const cacheKey = `${kind}\u0000${name}`;
  const known = pairs.get(cacheKey);
  if (known) return known;
  let pair: crypto.KeyPairKeyObjectResult;
  if (kind === "ED25519") pair = crypto.generateKeyPairSync("ed25519");
  else if (kind === "ECDSA") pair = crypto.generateKeyPairSync("ec", { namedCurve: "P-256" });
  else pair = crypto.generateKeyPairSync("rsa", { modulusLength: 2048 });
  const privateKeyPem =
    kind === "RSA" ? pair.privateKey.export({ type: "pkcs1", format: "pem" }).toString() : pair.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  const out: Record<string, string> = {
    privateKeyPem,
    privateKeyPemPkcs8: pair.privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    privateKeyOpenssh: privateKeyPem,
    publicKeyPem: pair.publicKey.export({ type: "spki", format: "pem" }).toString(),
  };
  if (kind === "ED25519") out["publicKeyOpenssh"] = `${opensshEd25519(pair.publicKey)}\n`;
  if (kind === "RSA") out["publicKeyOpenssh"] = `${opensshRsa(pair.publicKey)}\n`;
  pairs.set(cacheKey, out);
  return out;
}

/**
 * What a remote command prints when it runs: Berth's join-token command (it embeds a public key) prints the mock
 * swarm tokens encrypted to that key, as manager 0 would; every other command prints nothing.
 */
export function deployedCommandOutput(create: string): Record<string, string> {
  const pem = /-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/.exec(create)?.[0];
  if (!pem || !create.includes("docker swarm join-token")) return { stdout: "", stderr: "" };
  const encrypt = (token: string) =>
    crypto.publicEncrypt({ key: pem, padding: crypto.constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha256" }, Buffer.from(token)).toString("base64");
  return { stdout: `${encrypt(MOCK_SWARM_TOKENS.worker)}\n${encrypt(MOCK_SWARM_TOKENS.manager)}\n`, stderr: "" };
}

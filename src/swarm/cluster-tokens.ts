import * as crypto from "node:crypto";

/** The two swarm join tokens. */
export interface SwarmJoinTokens {
  worker: string;
  manager: string;
}

/**
 * Decrypts the output of {@link renderSwarmTokenCommand}: two base64 lines (worker, manager) encrypted with
 * RSA-OAEP/SHA-256 to `privateKeyPem`. Throws with a plain message when the output is not of that shape.
 */
export function decryptSwarmTokens(stdout: string, privateKeyPem: string): SwarmJoinTokens {
  const lines = stdout
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  if (lines.length !== 2) {
    throw new Error(`expected 2 encrypted join tokens from manager 0, got ${lines.length} lines`);
  }
  const [worker, manager] = lines.map((line) =>
    crypto
      .privateDecrypt(
        { key: privateKeyPem, padding: crypto.constants.RSA_PKCS1_OAEP_PADDING, oaepHash: "sha256" },
        Buffer.from(line, "base64"),
      )
      .toString("utf8"),
  );
  return { worker: worker!, manager: manager! };
}

/**
 * The one rule that decides what is secret, used by the blueprint importer, the Compose importer and the preview.
 *
 * A name is secret when one of its words (split at separators, case changes and digits: `sshKey`, `SSH_KEY`,
 * `ssh-key` are all `ssh key`) is a secret word: password, passwd, passphrase, pass, pwd, pw, secret(s), token(s),
 * credential(s), cred(s), auth, apikey, kubeconfig, key(s) (but not `public key`); or a word ends in one of password, passwd, passphrase,
 * secret, token, apikey, privatekey (`dbpassword`, `clientsecret`). `private` alone is not secret (`private_ip`,
 * `private_network`) but is with key (`private_key`, `privateKey`). Words that only contain `key` (`keyboard`,
 * `monkey`, `keypair`) are not secret, nor is `PWD` alone (the shell's working directory; `DB_PWD` is secret).
 *
 * A name that refers to a secret rather than holding it is not secret: its last word is one of name, id, pair, type,
 * size, length, bits, algorithm, format, alias, fingerprint, file, path, dir, url, uri, endpoint, version, count,
 * ttl, expiry, enabled, method, mode, provider, scheme, host, port, user, username, region, scope(s) (`key_name`, `keypair_name`, `ssh_key_path`, `password_length`, `auth_url`, `token_ttl`).
 *
 * A description is secret when it says password, passwd, passphrase, secret, token or credential, or names key
 * material (`private key`, `api key`, `ssh key`, `access key`, `secret key`, `encryption key`) not followed by a
 * reference word (`the name of the SSH key pair` is not). Values are secret when they feed a secret name or sit in
 * the password of a URL's userinfo (`scheme://user:PASSWORD@host`). Pure.
 */

const SECRET_WORDS = new Set(["password", "passwords", "passwd", "passphrase", "pass", "pwd", "pw", "secret", "secrets", "token", "tokens", "credential", "credentials", "cred", "creds", "auth", "apikey", "kubeconfig", "key", "keys", "privatekey", "sshkey"]);
const SECRET_ENDINGS = ["password", "passwd", "passphrase", "secret", "token", "apikey", "privatekey"];
const REFERENCE_WORDS = new Set([
  "name",
  "names",
  "id",
  "ids",
  "pair",
  "pairs",
  "keypair",
  "type",
  "size",
  "length",
  "bits",
  "algorithm",
  "format",
  "alias",
  "fingerprint",
  "file",
  "path",
  "dir",
  "url",
  "uri",
  "endpoint",
  "version",
  "count",
  "ttl",
  "expiry",
  "enabled",
  "method",
  "mode",
  "provider",
  "scheme",
  "host",
  "port",
  "user",
  "username",
  "region",
  "scope",
  "scopes",
]);
const DESCRIPTION_WORDS = new Set(["password", "passwords", "passwd", "passphrase", "secret", "secrets", "token", "tokens", "credential", "credentials", "pwd"]);
const KEY_QUALIFIERS = new Set(["private", "api", "ssh", "access", "secret", "encryption", "signing", "master"]);

/** The lower-case words of a name: split at non-alphanumerics, lower-to-upper changes, acronym ends and digits. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .replace(/([A-Za-z])([0-9])|([0-9])([A-Za-z])/g, (_m, a?: string, b?: string, c?: string, d?: string) => (a !== undefined ? `${a} ${b}` : `${c} ${d}`))
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== "" && !/^[0-9]+$/.test(w));
}

/** True when a name (an input, variable, property or config key) says it holds a secret. */
export function isSecretName(name: string): boolean {
  const words = nameWords(name);
  if (words.length === 0) return false;
  if (REFERENCE_WORDS.has(words[words.length - 1]!)) return false;
  return words.some((w, i) => {
    if (w === "key" || w === "keys") return words[i - 1] !== "public";
    if (w === "pwd" && words.length === 1) return false;
    return SECRET_WORDS.has(w) || SECRET_ENDINGS.some((e) => w.length > e.length && w.endsWith(e));
  });
}

/** True when a description says the value it describes is a secret. */
export function isSecretDescription(description: string | undefined): boolean {
  if (description === undefined) return false;
  const words = description.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== "");
  return words.some((w, i) => {
    if (DESCRIPTION_WORDS.has(w)) return true;
    if ((w === "key" || w === "keys") && i > 0 && KEY_QUALIFIERS.has(words[i - 1]!)) return !REFERENCE_WORDS.has(words[i + 1] ?? "");
    return false;
  });
}

/** True when a named, described value is secret by its name or its description. */
export function isSecret(name: string, description?: string): boolean {
  return isSecretName(name) || isSecretDescription(description);
}

/** URL userinfo with a password: `scheme://user:PASSWORD@`, the password being group 1. */
const USERINFO = /[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s:/@]*:([^\s/@]*)@/g;

/** True when text holds a URL with a password in its userinfo (`postgres://u:p@db`). */
export function hasUserinfoPassword(text: string): boolean {
  USERINFO.lastIndex = 0;
  for (let m = USERINFO.exec(text); m !== null; m = USERINFO.exec(text)) if (m[1] !== "") return true;
  return false;
}

/**
 * The indexes of the holes (non-string parts) of an interpolated text that sit in the password of a URL's userinfo.
 * `parts` alternates literal text and holes in any order (`["postgres://u:", hole, "@db"]` gives `{1}`).
 */
export function holesInUserinfo(parts: readonly unknown[]): Set<number> {
  // Each hole becomes one character no literal text can make a URL boundary of; its offset maps it back.
  const at = new Map<number, number>();
  let text = "";
  parts.forEach((p, i) => {
    if (typeof p === "string") text += p;
    else {
      at.set(text.length, i);
      text += "\u0000";
    }
  });
  const out = new Set<number>();
  USERINFO.lastIndex = 0;
  for (let m = USERINFO.exec(text); m !== null; m = USERINFO.exec(text)) {
    const start = m.index + m[0].length - 1 - m[1]!.length;
    for (let k = start; k < start + m[1]!.length; k++) {
      const hole = at.get(k);
      if (hole !== undefined) out.add(hole);
    }
  }
  return out;
}

/**
 * The config key a blueprint's `get_secret NAME` is read from: `secret_NAME`, so a secret never shares a config key
 * with an input of the same name (inputs keep their own names).
 */
export function secretConfigKey(name: string): string {
  return `secret_${name}`;
}

import assert from "node:assert/strict";
import { test } from "node:test";
import { hasUserinfoPassword, holesInUserinfo, isSecret, isSecretDescription, isSecretName, nameWords } from "../../src/core/secret-rule";

/** Every spelling of a list of words: snake, SCREAMING, kebab, dotted, camel, Pascal. */
function shapes(words: string[]): string[] {
  const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  return [
    words.join("_"),
    words.join("_").toUpperCase(),
    words.join("-"),
    words.join("."),
    words[0]! + words.slice(1).map(cap).join(""),
    words.map(cap).join(""),
    `${words.join("_")}2`,
  ];
}

const SECRET = [
  ["password"],
  ["db", "password"],
  ["db", "passwd"],
  ["db", "pwd"],
  ["db", "pw"],
  ["db", "pass"],
  ["ssh", "key"],
  ["encryption", "key"],
  ["api", "key"],
  ["apikey"],
  ["private", "key"],
  ["client", "secret"],
  ["auth", "token"],
  ["github", "token"],
  ["credentials"],
  ["aws", "creds"],
  ["basic", "auth"],
  ["kubeconfig"],
  ["tls", "key"],
  ["signing", "keys"],
  ["passphrase"],
  ["admin", "password", "hash"],
];
const PLAIN = [
  ["keyboard"],
  ["monkey"],
  ["key", "name"],
  ["keypair", "name"],
  ["keypair"],
  ["ssh", "key", "path"],
  ["private", "ip"],
  ["private", "network"],
  ["password", "length"],
  ["auth", "url"],
  ["token", "ttl"],
  ["public", "key"],
  ["db", "host"],
  ["image"],
  ["secret", "name"],
  ["api", "key", "id"],
  ["passport"],
  ["compass"],
  ["turnkey"],
];

test("every spelling of a secret-looking name is secret", () => {
  for (const words of SECRET) for (const name of shapes(words)) assert.equal(isSecretName(name), true, name);
});

test("every spelling of a plain name (key names, key-containing words, private addresses) is not secret", () => {
  for (const words of PLAIN) for (const name of shapes(words)) assert.equal(isSecretName(name), false, name);
});

test("a word ending in a secret word is secret (dbpassword, clientsecret, apitoken)", () => {
  for (const name of ["dbpassword", "CLIENTSECRET", "apitoken", "mypassphrase", "rootprivatekey", "x_adminpassword"]) assert.equal(isSecretName(name), true, name);
});

test("names split at case changes, acronyms, digits and separators", () => {
  assert.deepEqual(nameWords("privateKey"), ["private", "key"]);
  assert.deepEqual(nameWords("AWSSecretKey"), ["aws", "secret", "key"]);
  assert.deepEqual(nameWords("db2_PW"), ["db", "pw"]);
  assert.deepEqual(nameWords("__"), []);
  assert.equal(isSecretName(""), false);
  assert.equal(isSecretName("PWD"), false);
  assert.equal(isSecretName("OLDPWD"), false);
});

test("descriptions that say secret make a value secret; key references do not", () => {
  const secret = ["The admin password", "API token for GitHub", "Private key of the agent", "the SSH key used to log in", "Credentials of the DB user", "an encryption key"];
  const plain = ["The name of the SSH key pair", "Image of the agent", "Name of the keyboard layout", "The private network", undefined, ""];
  for (const d of secret) assert.equal(isSecretDescription(d), true, d);
  for (const d of plain) assert.equal(isSecretDescription(d), false, String(d));
  assert.equal(isSecret("agent_config", "the private key"), true);
  assert.equal(isSecret("db_password"), true);
  assert.equal(isSecret("db_host", "the host"), false);
});

test("a URL with a password in its userinfo is found; without one it is not", () => {
  for (const t of ["postgres://u:p@db/x", "DATABASE=mysql://root:s3cr3t@db:3306", "amqp://guest:guest@rabbit", "x https://a:b@c y"]) assert.equal(hasUserinfoPassword(t), true, t);
  for (const t of ["postgres://u@db", "https://example.com/a:b@c", "postgres://u:@db", "user:pass@host", "mailto:a@b"]) assert.equal(hasUserinfoPassword(t), false, t);
});

test("holes in a URL's userinfo password are found, elsewhere not", () => {
  const H = { hole: true };
  assert.deepEqual([...holesInUserinfo(["postgres://u:", H, "@db"])], [1]);
  assert.deepEqual([...holesInUserinfo(["postgres://", H, ":", H, "@", H, "/x"])], [3]);
  assert.deepEqual([...holesInUserinfo(["postgres://u:", H, H, "@db"])].sort(), [1, 2]);
  assert.deepEqual([...holesInUserinfo(["postgres://u:x", H, "y@db"])], [1]);
  assert.deepEqual([...holesInUserinfo(["https://", H, "/path"])], []);
  assert.deepEqual([...holesInUserinfo([H, "://u:", H, "@db"])], []);
  assert.deepEqual([...holesInUserinfo(["a ", H, " b"])], []);
});

/**
 * How a written program reads values that came from the environment: which names are secrets, the expressions
 * strings with variables become (a template literal, a Pulumi interpolation when a secret is in it), the stack
 * configuration entries, and the refusal of a secret where the program needs plain text.
 */
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: generated code with template literals is the data under test.
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadCompose } from "../../src/compose/load";
import { VariableMarkers } from "../../src/compose/markers";
import { configKey, namedSecret, ProgramValues } from "../../src/compose/program-values";
import { memoryReader } from "../../src/compose/reader";

const SECRET_NAMES: [string, boolean][] = [
  ["DB_PASSWORD", true],
  ["POSTGRES_PASSWORD", true],
  ["API_KEY", true],
  ["SECRET_KEY_BASE", true],
  ["GITHUB_TOKEN", true],
  ["AWS_SECRET_ACCESS_KEY", true],
  ["DB_PASS", true],
  ["MYSQL_ROOT_PASSWD", true],
  ["SMTP_CREDENTIALS", true],
  ["KEYCLOAK_URL", false],
  ["MONKEY_COUNT", false],
  ["PWD", false],
  ["DB_HOST", false],
  ["TAG", false],
  ["PASSAGE", false],
];
for (const [name, secret] of SECRET_NAMES) {
  test(`${name} ${secret ? "is" : "is not"} a secret by its name`, () => assert.equal(namedSecret(name), secret));
}

test("configuration keys start with a letter", () => {
  assert.equal(configKey("DB_HOST"), "DB_HOST");
  assert.equal(configKey("_PRIVATE"), "env_PRIVATE");
});

test("strings with variables become template literals; with a secret, a Pulumi interpolation; the entries follow", () => {
  const markers = new VariableMarkers("n0nce", { HOST: "db.internal", PORT: "5432", DB_PASSWORD: "hunter2" });
  const v = new ProgramValues("x", markers);
  const url = `postgres://app:${markers.mark("DB_PASSWORD")}@${markers.mark("HOST")}:\`${"$"}{not}\``;
  assert.equal(v.string("plain", "a"), '"plain"');
  assert.equal(v.string(markers.mark("HOST"), "services.web.hostname"), 'env["HOST"]');
  assert.equal(v.string(`${markers.mark("HOST")}:${markers.mark("PORT")}`, "b"), '`${env["HOST"]}:${env["PORT"]}`');
  assert.equal(v.string(url, "services.web.environment"), 'pulumi.interpolate`postgres://app:${secrets["DB_PASSWORD"]}@${env["HOST"]}:\\`\\${not}\\``');
  assert.deepEqual(v.config(), [
    { key: "DB_PASSWORD", value: "hunter2", secret: true, comment: "${DB_PASSWORD} in services.web.environment" },
    { key: "HOST", value: "db.internal", secret: false, comment: "${HOST} in b, services.web.environment, services.web.hostname" },
    { key: "PORT", value: "5432", secret: false, comment: "${PORT} in b" },
  ]);
  assert.deepEqual(v.declarations(), [
    "const config = new pulumi.Config();",
    "/** Values interpolated from the environment when this program was written: stack configuration now. */",
    'const env: Record<string, string> = { "HOST": config.require("HOST"), "PORT": config.require("PORT"), };',
    "/** The same for secrets (set them with `pulumi config set --secret`). */",
    'const secrets: Record<string, pulumi.Output<string>> = { "DB_PASSWORD": config.requireSecret("DB_PASSWORD"), };',
  ]);
  // A secret where plain text is needed (a docker-py param) is recorded for a problem, not written as plain text.
  v.string(markers.mark("DB_PASSWORD"), "services.web.user", true);
  assert.deepEqual(v.plainSecrets, [{ name: "DB_PASSWORD", where: "services.web.user" }]);
});

test("the loader keeps markers only where values are free text, and splits commands the way their values split", () => {
  const markers = new VariableMarkers("abc", { WHO: "two words", PORT: "8080", OPTS: "-a -b" });
  const text = [
    "services:",
    "  web:",
    "    image: x",
    "    command: echo hello ${WHO}",
    "    entrypoint: run ${OPTS}",
    "    ports: ['${PORT}:80']",
    "    environment: ['GREETING=hi ${WHO}']",
  ].join("\n");
  const r = loadCompose(text, { target: "docker", fileName: "/p/compose.yaml", env: markers.values, reader: memoryReader("/p", {}), markers });
  // A parsed value from the environment is written as it is now, and that is said.
  assert.deepEqual(r.diagnostics, [
    {
      severity: "info",
      where: "/p/compose.yaml:6:13",
      key: "services.web.ports.0",
      message: "${PORT} from the environment is read now for this value, which Berth checks: the program holds the value as it is now (edit it there, or write the program again)",
    },
  ]);
  const web = r.model!.services[0]!;
  // The ports are parsed, so they are their values.
  assert.deepEqual(web.ports, [{ target: 80, published: 8080, protocol: "tcp" }]);
  assert.equal(web.environment["GREETING"], `hi ${markers.mark("WHO")}`);
  // "echo hello two words" is four words; the template would make three: the command is written as its value.
  assert.deepEqual(web.command, ["echo", "hello", "two", "words"]);
  assert.deepEqual(web.entrypoint, ["run", "-a", "-b"]);
  const simple = loadCompose("services:\n  web:\n    image: x\n    command: serve --port ${PORT}\n", { target: "docker", fileName: "/p/compose.yaml", env: markers.values, reader: memoryReader("/p", {}), markers });
  assert.deepEqual(simple.model!.services[0]!.command, ["serve", "--port", markers.mark("PORT")]);
});

test("a secret in a value Berth reads now is an error: it would be written into the program in plain text", () => {
  const markers = new VariableMarkers("abc", { DB_PASSWORD: "8080" });
  const r = loadCompose("services:\n  web:\n    image: x\n    ports: ['${DB_PASSWORD}:80']\n", { target: "docker", fileName: "/p/compose.yaml", env: markers.values, reader: memoryReader("/p", {}), markers });
  assert.equal(r.model, undefined);
  assert.deepEqual(r.diagnostics.map((d) => [d.severity, d.where, d.message]), [
    ["error", "/p/compose.yaml:4:13", "uses the secret ${DB_PASSWORD} in a value Berth reads now (it would be written into the program in plain text); give this setting a value that is not a secret"],
  ]);
  // Without markers (a component, which reads its file when it runs) the same file is fine.
  assert.ok(loadCompose("services:\n  web:\n    image: x\n    ports: ['${DB_PASSWORD}:80']\n", { target: "docker", fileName: "/p/compose.yaml", env: markers.values, reader: memoryReader("/p", {}) }).model);
});

test("a marker cannot be forged: another nonce, or none, is text", () => {
  const markers = new VariableMarkers("real", { A: "1" });
  const forged = new VariableMarkers("fake", { A: "1" }).mark("A");
  assert.equal(markers.marked(forged), false);
  assert.equal(markers.resolve(forged), forged);
  assert.throws(() => new VariableMarkers("bad:nonce", {}), /letters and digits/);
});

/**
 * Values in a program written from a Compose project: plain data through the code writer's escaped literals, with
 * two kinds of holes. A reference is a TypeScript expression for another resource (`web.id`); a variable marker
 * (markers.ts) is a value interpolated from the environment when the program was written, which the program reads
 * from its stack configuration instead (`env["DB_HOST"]`), a secret one through `config.requireSecret` so it never
 * appears in the code or the state in plain text. Pure.
 */
import { literal, valueLiteral } from "../codegen/writer";
import { holesInUserinfo, isSecretName } from "../core/secret-rule";
import type { VariableMarkers } from "./markers";

/** One entry of the stack configuration a written program reads. */
export interface StackConfigEntry {
  /** The configuration key (in the project's namespace). */
  key: string;
  /** The value it had when the program was written (the environment's). */
  value: string | undefined;
  /** A secret: set with `pulumi config set --secret`; never written in plain text. */
  secret: boolean;
  /** Why the program reads it. */
  comment: string;
}

/** True when a variable's name says it holds a secret: the one rule of core/secret-rule.ts. */
export function namedSecret(name: string): boolean {
  return isSecretName(name);
}

/** A configuration key for a variable name (Pulumi keys start with a letter). */
export function configKey(name: string): string {
  return /^[A-Za-z][A-Za-z0-9_.-]*$/.test(name) ? name : `env${name}`;
}

/** A template literal's body for text (backslashes, backticks and `${` escaped). */
function templateText(text: string): string {
  return text.replace(/[\\`]/g, (c) => `\\${c}`).replace(/\$\{/g, "\\${").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029").replace(/\r/g, "\\r").replace(/\n/g, "\\n");
}

/** The values of one program: references, variables, and the configuration they need. */
export class ProgramValues {
  private readonly refPattern: RegExp;
  private readonly used = new Map<string, { secret: boolean; where: Set<string> }>();
  /** Variables used where a secret cannot go (plain docker-py params), for a problem. */
  public readonly plainSecrets: { name: string; where: string }[] = [];

  constructor(
    private readonly nonce: string,
    private readonly markers: VariableMarkers | undefined,
    /** Variables that hold secrets whatever their name (a secret's `environment` source). */
    private readonly secretNames: ReadonlySet<string> = new Set(),
  ) {
    this.refPattern = new RegExp(`"@@ref-${nonce}:([A-Za-z0-9_-]+)@@"`, "g");
  }

  /** A placeholder that becomes the expression `code` in the output. */
  public ref(code: string): string {
    return `@@ref-${this.nonce}:${Buffer.from(code, "utf8").toString("base64url")}@@`;
  }

  /** Variables found in a URL's userinfo password while writing, secret whatever their name. */
  private readonly inUrls = new Set<string>();

  /** True when the variable is a secret. */
  public isSecret(name: string): boolean {
    return this.secretNames.has(name) || this.inUrls.has(name) || namedSecret(name);
  }

  /** The expression that reads a variable in the program. */
  public variable(name: string, where: string, plain = false): string {
    const secret = this.isSecret(name) && !plain;
    const entry = this.used.get(name) ?? { secret: false, where: new Set<string>() };
    entry.secret ||= this.isSecret(name);
    entry.where.add(where);
    this.used.set(name, entry);
    if (plain && this.isSecret(name)) this.plainSecrets.push({ name, where });
    return secret ? `secrets[${literal(name)}]` : `env[${literal(name)}]`;
  }

  /**
   * A string as an expression: a literal, or, with variables in it, a template reading them (a Pulumi Output
   * through `pulumi.interpolate` when one of them is a secret, unless `plain`).
   */
  public string(text: string, where: string, plain = false): string {
    if (!this.markers?.marked(text)) return literal(text);
    const parts = this.markers.parts(text);
    for (const i of holesInUserinfo(parts.map((p) => ("variable" in p ? p : p.text)))) {
      const p = parts[i];
      if (p !== undefined && "variable" in p) this.inUrls.add(p.variable);
    }
    const anySecret = !plain && parts.some((p) => "variable" in p && this.isSecret(p.variable));
    if (parts.length === 1 && "variable" in parts[0]!) return this.variable(parts[0].variable, where, plain);
    const body = parts.map((p) => ("variable" in p ? `\${${this.variable(p.variable, where, plain)}}` : templateText(p.text))).join("");
    return anySecret ? `pulumi.interpolate\`${body}\`` : `\`${body}\``;
  }

  /** True when a value holds a secret variable anywhere (so it becomes an Output in the program). */
  public holdsSecret(value: unknown): boolean {
    if (!this.markers) return false;
    if (typeof value === "string") return this.markers.names(value).some((n) => this.isSecret(n));
    if (Array.isArray(value)) return value.some((v) => this.holdsSecret(v));
    if (value !== null && typeof value === "object") return Object.values(value).some((v) => this.holdsSecret(v));
    return false;
  }

  /**
   * A value as a TypeScript expression: strings with variables become their templates (plain ones when `plain`:
   * docker-py params must be plain values), references become their code.
   */
  public code(value: unknown, where: string, indent = "", plain = false): string {
    const withRefs = this.holes(value, where, plain);
    return valueLiteral(withRefs, indent).replace(this.refPattern, (_m, code: string) => Buffer.from(code, "base64url").toString("utf8"));
  }

  private holes(value: unknown, where: string, plain: boolean): unknown {
    if (typeof value === "string") return this.markers?.marked(value) ? this.ref(this.string(value, where, plain)) : value;
    if (Array.isArray(value)) return value.map((v) => this.holes(v, where, plain));
    if (value !== null && typeof value === "object") {
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [this.markers ? this.markers.resolve(k) : k, this.holes(v, where, plain)]));
    }
    return value;
  }

  /** The configuration entries of every variable used, in name order. */
  public config(): StackConfigEntry[] {
    return [...this.used.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, u]) => ({
        key: configKey(name),
        value: this.markers?.values[name],
        secret: u.secret,
        comment: `\${${name}} in ${[...u.where].sort().join(", ")}`,
      }));
  }

  /** The declarations of `env` and `secrets` the program's values read (empty when none are used). */
  public declarations(): string[] {
    const entries = this.config();
    if (entries.length === 0) return [];
    const lines = ["const config = new pulumi.Config();"];
    const names = [...this.used.keys()].sort();
    const plain = names.filter((n) => !this.isSecret(n));
    const secret = names.filter((n) => this.isSecret(n));
    if (plain.length > 0) {
      lines.push("/** Values interpolated from the environment when this program was written: stack configuration now. */");
      lines.push(`const env: Record<string, string> = {${plain.map((n) => ` ${literal(n)}: config.require(${literal(configKey(n))}),`).join("")} };`);
    }
    if (secret.length > 0) {
      lines.push("/** The same for secrets (set them with `pulumi config set --secret`). */");
      lines.push(`const secrets: Record<string, pulumi.Output<string>> = {${secret.map((n) => ` ${literal(n)}: config.requireSecret(${literal(configKey(n))}),`).join("")} };`);
    }
    return lines;
  }
}

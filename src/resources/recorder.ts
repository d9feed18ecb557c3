/**
 * A recording mock runtime for Pulumi programs: every resource registration, with its exact type, name, parent,
 * inputs (secrets marked), provider, dependencies and resource options, is kept for assertions or rendering.
 *
 * It wraps `pulumi.runtime.setMocks`: the mock monitor's `registerResource` is intercepted so that the request's
 * parent URN, dependencies and options (which `MockResourceArgs` does not carry) are recorded too.
 *
 * @example
 * ```ts
 * const rec = await Recorder.install();
 * const { DockerContainer } = await import("berth/docker");
 * new DockerContainer("web", { name: "web", image: { repository: "nginx", tag: "1.27" } });
 * await rec.settle();
 * assert.equal(rec.get("docker:index/container:Container", "web").parentName, "web");
 * ```
 */
import * as pulumi from "@pulumi/pulumi";

/** The sentinel Pulumi uses on the wire for a value not known until deployment. */
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
const OUTPUT_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
const ASSET_SIG = "c44067f5952c0a294b673a41bacd8c17";
const ARCHIVE_SIG = "0def7320c3a5731c473e5ecbe6d01bc7";

/** How a value that is only known after deployment appears in recorded inputs. */
export const UNKNOWN_VALUE = "(known after deploy)";

/** A JSON-like value as recorded (secrets unwrapped; see {@link RecordedResource.secretPaths}). */
export type RecordedValue = string | number | boolean | null | RecordedValue[] | { [key: string]: RecordedValue };

/** The options a resource was registered with, as the engine would see them. */
export interface RecordedOptions {
  protect: boolean;
  retainOnDelete: boolean;
  deleteBeforeReplace: boolean;
  ignoreChanges: string[];
  replaceOnChanges: string[];
  additionalSecretOutputs: string[];
  /** URN of the resource this one is deleted with, if any. */
  deletedWith?: string;
}

/** One registered resource or component. */
export interface RecordedResource {
  urn: string;
  type: string;
  name: string;
  /** True for provider (custom) resources, false for components. */
  custom: boolean;
  /** The parent's URN; undefined for the stack itself. */
  parent?: string;
  /** The parent's name, read from its URN. */
  parentName?: string;
  /** The parent's type token, read from its URN. */
  parentType?: string;
  /** Inputs with secrets unwrapped and unknowns shown as {@link UNKNOWN_VALUE}. */
  inputs: Record<string, RecordedValue>;
  /** Dotted paths (`a.b[0].c`) of inputs that were secret. */
  secretPaths: string[];
  /** The explicit provider reference (`urn::id`), if any. */
  provider?: string;
  /** URNs this resource depends on (explicit `dependsOn` and input dependencies). */
  dependencies: string[];
  options: RecordedOptions;
  /** For components: the outputs passed to `registerOutputs`. */
  outputs?: Record<string, RecordedValue>;
  /** Order of registration, from 0. */
  index: number;
}

/** One invoke (data source) call. */
export interface RecordedCall {
  token: string;
  inputs: Record<string, RecordedValue>;
  provider?: string;
}

/** What a mock resource returns: its id and output state. */
export interface MockState {
  id: string;
  state: Record<string, unknown>;
}

/** Options for {@link Recorder.install}. */
export interface RecorderOptions {
  /** @default "project" */
  project?: string;
  /** @default "stack" */
  stack?: string;
  /** Run as a preview (outputs the mock does not return are unknown). @default false */
  preview?: boolean;
  /**
   * Produces the id and state for a custom resource; return undefined for the default (id `<name>-id`, state = inputs).
   * @default the default for every resource
   */
  outputs?: (args: pulumi.runtime.MockResourceArgs) => MockState | undefined | Promise<MockState | undefined>;
  /** Answers invokes. @default returns the invoke's inputs */
  calls?: (args: pulumi.runtime.MockCallArgs) => Record<string, unknown> | Promise<Record<string, unknown>>;
}

interface Struct {
  toJavaScript(): Record<string, unknown>;
}
interface AliasLike {
  toObject?(): unknown;
}
interface RegisterRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
  getCustom(): boolean;
  getObject(): Struct | undefined;
  getProvider(): string;
  getDependenciesList(): string[];
  getProtect(): boolean | undefined;
  getRetainondelete(): boolean | undefined;
  getDeletebeforereplace(): boolean;
  getIgnorechangesList(): string[];
  getReplaceonchangesList(): string[];
  getAdditionalsecretoutputsList(): string[];
  getDeletedwith(): string;
  getAliasesList?(): AliasLike[];
}
interface RegisterOutputsRequest {
  getUrn(): string;
  getOutputs(): Struct | undefined;
}
type Callback = (err: unknown, response: unknown) => void;
interface MockMonitorLike {
  registerResource(req: RegisterRequest, callback: Callback): Promise<void>;
  registerResourceOutputs(req: RegisterOutputsRequest, callback: Callback): void;
  newUrn(parent: string, type: string, name: string): string;
}

/** Converts a wire value to a recorded value, collecting the paths of secrets. */
export function decodeWireValue(value: unknown, path: string, secrets: string[]): RecordedValue {
  if (value === UNKNOWN) return UNKNOWN_VALUE;
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (Array.isArray(value)) return value.map((v, i) => decodeWireValue(v, `${path}[${i}]`, secrets));
  const obj = value as Record<string, unknown>;
  const sig = obj[SIG_KEY];
  if (sig === SECRET_SIG) {
    secrets.push(path);
    return decodeWireValue(obj["value"], path, []);
  }
  if (sig === OUTPUT_SIG) {
    if (obj["secret"] === true) secrets.push(path);
    return "value" in obj ? decodeWireValue(obj["value"], path, []) : UNKNOWN_VALUE;
  }
  if (sig === RESOURCE_SIG) return typeof obj["urn"] === "string" ? (obj["urn"] as string) : null;
  if (sig === ASSET_SIG || sig === ARCHIVE_SIG) {
    const out: Record<string, RecordedValue> = {};
    for (const k of ["path", "text", "uri"]) if (typeof obj[k] === "string") out[k] = obj[k] as string;
    if (obj["assets"]) out["assets"] = decodeWireValue(obj["assets"], `${path}.assets`, secrets);
    return out;
  }
  const out: Record<string, RecordedValue> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (v === undefined) continue;
    out[k] = decodeWireValue(v, path ? `${path}.${k}` : k, secrets);
  }
  return out;
}

/** Splits a URN into the resource's type and name. */
export function parseUrn(urn: string): { type: string; name: string } {
  const parts = urn.split("::");
  const qualified = parts[2] ?? "";
  return { type: qualified.split("$").pop() ?? qualified, name: parts.slice(3).join("::") };
}

/**
 * Records every registration made under Pulumi's mocks. Install once per process (node's test runner gives each
 * test file its own process), before the modules that create resources are imported.
 */
export class Recorder {
  /** Every registration, in order. */
  public readonly resources: RecordedResource[] = [];
  /** Every invoke, in order. */
  public readonly calls: RecordedCall[] = [];

  private constructor() {}

  /** Installs the mocks and the recorder for this process. */
  public static async install(options: RecorderOptions = {}): Promise<Recorder> {
    const rec = new Recorder();
    const outputs = options.outputs;
    const calls = options.calls;
    await pulumi.runtime.setMocks(
      {
        newResource: async (args) => {
          const produced = outputs ? await outputs(args) : undefined;
          return produced ?? { id: args.id || `${args.name}-id`, state: args.inputs };
        },
        call: async (args) => {
          rec.calls.push({
            token: args.token,
            inputs: decodeWireValue(args.inputs, "", []) as Record<string, RecordedValue>,
            provider: args.provider || undefined,
          });
          return calls ? await calls(args) : args.inputs;
        },
      },
      options.project ?? "project",
      options.stack ?? "stack",
      options.preview ?? false,
    );
    const monitor = pulumi.runtime.getMonitor() as unknown as MockMonitorLike;
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = async (req, callback) => {
      rec.record(monitor, req);
      return register(req, callback);
    };
    const registerOutputs = monitor.registerResourceOutputs.bind(monitor);
    monitor.registerResourceOutputs = (req, callback) => {
      const found = rec.resources.find((r) => r.urn === req.getUrn());
      if (found) {
        found.outputs = decodeWireValue(req.getOutputs()?.toJavaScript() ?? {}, "", []) as Record<
          string,
          RecordedValue
        >;
      }
      registerOutputs(req, callback);
    };
    return rec;
  }

  private record(monitor: MockMonitorLike, req: RegisterRequest): void {
    const secretPaths: string[] = [];
    const inputs = decodeWireValue(req.getObject()?.toJavaScript() ?? {}, "", secretPaths) as Record<
      string,
      RecordedValue
    >;
    const parent = req.getParent() || undefined;
    const parentInfo = parent ? parseUrn(parent) : undefined;
    this.resources.push({
      urn: monitor.newUrn(req.getParent(), req.getType(), req.getName()),
      type: req.getType(),
      name: req.getName(),
      custom: req.getCustom(),
      parent,
      parentName: parentInfo?.name,
      parentType: parentInfo?.type,
      inputs,
      secretPaths,
      provider: req.getProvider() || undefined,
      dependencies: req.getDependenciesList(),
      options: {
        protect: req.getProtect() ?? false,
        retainOnDelete: req.getRetainondelete() ?? false,
        deleteBeforeReplace: req.getDeletebeforereplace(),
        ignoreChanges: req.getIgnorechangesList(),
        replaceOnChanges: req.getReplaceonchangesList(),
        additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
        deletedWith: req.getDeletedwith() || undefined,
      },
      index: this.resources.length,
    });
  }

  /** Waits until every registration the program has started so far has reached the mock monitor. */
  public async settle(): Promise<void> {
    // waitForRPCs is the barrier Pulumi's own runtime uses before it disconnects.
    // It is exported at run time but marked internal, so it is not in the type declarations.
    const settings = pulumi.runtime as unknown as { waitForRPCs(): Promise<void> };
    for (let i = 0; i < 3; i++) {
      const before = this.resources.length;
      await settings.waitForRPCs();
      await new Promise((resolve) => setImmediate(resolve));
      if (this.resources.length === before) break;
    }
  }

  /** Forgets everything recorded so far (for a second program in the same test file). */
  public reset(): void {
    this.resources.length = 0;
    this.calls.length = 0;
  }

  /** Every resource of a type. */
  public ofType(type: string): RecordedResource[] {
    return this.resources.filter((r) => r.type === type);
  }

  /** The one resource with this type and name; throws, listing what exists, when there is none. */
  public get(type: string, name: string): RecordedResource {
    const found = this.resources.filter((r) => r.type === type && r.name === name);
    if (found.length !== 1) {
      const known = this.resources.map((r) => `${r.type} ${r.name}`).join("\n  ");
      throw new Error(`expected exactly one ${type} named "${name}", found ${found.length}; recorded:\n  ${known}`);
    }
    return found[0]!;
  }

  /** The direct children of a resource, by its URN. */
  public childrenOf(urn: string): RecordedResource[] {
    return this.resources.filter((r) => r.parent === urn);
  }

  /** `type name` for every resource, sorted: a compact shape for exact-set assertions. */
  public summary(): string[] {
    return this.resources.map((r) => `${r.type} ${r.name}`).sort();
  }
}

/**
 * Every check on {@link DockerContainerArgs}, in one place, before any child resource exists: the image given exactly
 * one way, adoption's requirements, positive intervals, port specs, the engine address, the docker-py params (through
 * the params table) and typed args that the params also set. Values not known until deployment (Outputs) are checked
 * where they are resolved instead.
 */
import * as pulumi from "@pulumi/pulumi";
import type { Problem } from "../core/problems";
import type { DockerContainerArgs } from "./container-args";
import { type EngineHost, resolveEngineAddress } from "./engine-host";
import { isIP } from "node:net";
import { type MappedContainerParams, mapDockerPyParams } from "../docker-py/params";

/** The result of {@link checkDockerContainerArgs}. */
export interface CheckedContainerArgs {
  /** Every problem, in argument order. */
  problems: Problem[];
  /** The docker-py params mapped onto Container arguments (empty when adopting). */
  mapped: MappedContainerParams["container"];
}

/** True when the value is a plain value now (not an Output or a Promise). */
export function isKnown<T>(value: pulumi.Input<T> | undefined): value is T {
  return !pulumi.Output.isInstance(value) && !(value instanceof Promise);
}

/** The path of the first Output or Promise inside a value, or undefined when it is all plain. */
export function firstUnknownPath(value: unknown, at: string): string | undefined {
  if (pulumi.Output.isInstance(value) || value instanceof Promise) return at;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = firstUnknownPath(value[i], `${at}[${i}]`);
      if (found) return found;
    }
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      const found = firstUnknownPath(v, `${at}.${k}`);
      if (found) return found;
    }
  }
  return undefined;
}

/** The typed args and the Container argument each one sets, for conflicts with the params. */
const TYPED_TARGETS: [keyof DockerContainerArgs, string][] = [
  ["ports", "ports"],
  ["env", "envs"],
  ["volumes", "volumes"],
  ["command", "command"],
  ["entrypoint", "entrypoints"],
  ["restart", "restart"],
  ["networks", "networksAdvanced"],
  ["labels", "labels"],
];

const RESTART_POLICIES = ["no", "on-failure", "always", "unless-stopped"];
const PROTOCOLS = ["tcp", "udp", "sctp"];

function positive(problems: Problem[], where: string, value: pulumi.Input<number> | undefined): void {
  if (value === undefined || !isKnown(value)) return;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    problems.push({ where, message: `must be a positive number of seconds, not ${JSON.stringify(value)}` });
  }
}

function portNumber(value: unknown): boolean {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 65535;
}

/** Checks a DockerContainer's arguments; returns every problem and the mapped params. */
export function checkDockerContainerArgs(args: DockerContainerArgs): CheckedContainerArgs {
  const problems: Problem[] = [];
  const add = (where: string, message: string) => problems.push({ where, message });
  const adopting = args.useExternalResource === true;

  if (adopting) {
    if (args.name === undefined) add("name", "useExternalResource adopts the container with exactly this name: set name");
    const ignored = [
      ...(["image", "create", "stop", "delete", ...TYPED_TARGETS.map(([k]) => k)] as const).filter((k) => args[k] !== undefined),
      ...(args.start !== undefined ? ["start"] : []),
    ];
    for (const key of ignored) {
      add(key, "is not used with useExternalResource (the adopted container is left exactly as it is); remove it, or unset useExternalResource");
    }
  } else {
    const image = args.image;
    const src = image?.src;
    const repository = image?.repository;
    if (!image || (src === undefined && repository === undefined)) {
      add("image", "is required: give image.repository (and image.tag) to pull, or image.src (a tarball path or URL) to import");
    } else {
      if (src !== undefined && isKnown(src) && (typeof src !== "string" || src.trim() === "")) {
        add("image.src", "must be a local tarball path or an http(s) URL");
      }
      if (repository !== undefined && isKnown(repository) && (typeof repository !== "string" || repository.trim() === "")) {
        add("image.repository", "must be a non-empty repository name such as nginx or registry.example.com/team/app");
      }
      if (image.tag !== undefined && isKnown(image.tag) && (typeof image.tag !== "string" || !/^[\w][\w.-]{0,127}$/.test(image.tag))) {
        add("image.tag", `"${String(image.tag)}" is not a valid tag (letters, digits, _ . -; at most 128)`);
      }
    }
  }

  const start = args.start ?? {};
  positive(problems, "start.retryInterval", start.retryInterval);
  positive(problems, "start.timeout", start.timeout);
  positive(problems, "stop.retryInterval", args.stop?.retryInterval);
  if (isKnown(start.processesToWaitFor) && start.processesToWaitFor !== undefined) {
    start.processesToWaitFor.forEach((p, i) => {
      if (isKnown(p) && (typeof p !== "string" || p.trim() === "")) add(`start.processesToWaitFor[${i}]`, "must be a non-empty process name");
    });
  }
  if (isKnown(start.waitForPorts) && start.waitForPorts !== undefined) {
    start.waitForPorts.forEach((p, i) => {
      if (isKnown(p) && !portNumber(p)) add(`start.waitForPorts[${i}]`, `must be a container port 1-65535, not ${JSON.stringify(p)}`);
    });
  }
  if (start.waitForLog !== undefined && isKnown(start.waitForLog)) {
    try {
      new RegExp(start.waitForLog);
    } catch (err) {
      add("start.waitForLog", `is not a valid regular expression: ${(err as Error).message}`);
    }
  }

  if (args.runToCompletion === true) {
    const waits = (["processesToWaitFor", "waitForPorts", "waitForLog", "waitForHealthy"] as const).filter((k) => start[k] !== undefined);
    for (const k of waits) add(`start.${k}`, "cannot be used with runToCompletion (a job is done when it exits, not when it is ready); remove it, or unset runToCompletion");
    if (args.restart !== undefined && isKnown(args.restart) && args.restart !== "no") {
      add("restart", "must be \"no\" with runToCompletion (a restarted job never completes); remove it, or unset runToCompletion");
    }
  }

  if (args.ports !== undefined && isKnown(args.ports)) {
    args.ports.forEach((port, i) => {
      if (!isKnown(port)) return;
      const where = `ports[${i}]`;
      if (isKnown(port.internal) && !portNumber(port.internal)) add(`${where}.internal`, `must be a port 1-65535, not ${JSON.stringify(port.internal)}`);
      if (port.external !== undefined && isKnown(port.external) && !portNumber(port.external)) {
        add(`${where}.external`, `must be a port 1-65535 (or unset for a free port), not ${JSON.stringify(port.external)}`);
      }
      if (port.protocol !== undefined && isKnown(port.protocol) && !PROTOCOLS.includes(port.protocol)) {
        add(`${where}.protocol`, `must be one of ${PROTOCOLS.join(", ")}, not ${JSON.stringify(port.protocol)}`);
      }
      if (port.ip !== undefined && isKnown(port.ip) && isIP(port.ip) === 0) {
        add(`${where}.ip`, `must be a host IP address such as 127.0.0.1, not ${JSON.stringify(port.ip)}`);
      }
    });
  }
  if (args.restart !== undefined && isKnown(args.restart) && !RESTART_POLICIES.includes(args.restart)) {
    add("restart", `must be one of ${RESTART_POLICIES.join(", ")}, not ${JSON.stringify(args.restart)}`);
  }

  if (args.host !== undefined) {
    const unknownAt = firstUnknownPath(args.host, "host");
    if (!unknownAt) {
      const { problems: hostProblems } = resolveEngineAddress(args.host as EngineHost, {});
      // Without a url the engine comes from DOCKER_HOST; that is checked when it is used.
      for (const p of hostProblems) if (args.host.url !== undefined || p.where !== "host.url") add(p.where, p.message);
    }
  }

  let mapped: MappedContainerParams["container"] = {};
  if (!adopting) {
    const params: Record<string, unknown> = {};
    for (const op of ["create", "start", "stop", "delete"] as const) {
      const given = args[op]?.params;
      if (given === undefined) continue;
      const unknownAt = firstUnknownPath(given, `${op}.params`);
      if (unknownAt) {
        add(unknownAt, "docker-py params must be plain values when the program runs (they are checked against the params table before anything is created); give values known only after deployment through the typed args (env, ports, volumes, ...) instead");
      } else params[op] = given;
    }
    const result = mapDockerPyParams(params);
    for (const p of result.problems) add(p.where, p.message);
    mapped = result.container;
    for (const [arg, target] of TYPED_TARGETS) {
      if (args[arg] !== undefined && (mapped as Record<string, unknown>)[target] !== undefined) {
        add(arg, `is also set by the docker-py params (Container argument \`${target}\`); give it one way, either here or in the params`);
      }
    }
  }
  return { problems, mapped };
}

/**
 * Relative paths in a Compose file, made absolute against the folder they are relative to, before files are merged:
 * the project folder for the `-f` files, the file's own folder for an `extends` or `include`d file (as Compose
 * resolves them). After this, every path in the merged tree is absolute and no reader needs to know which file a
 * value came from. Mutates the (freshly interpolated) tree.
 */
import { parseShortVolume, resolvePath } from "./syntax";
import { ComposeTag } from "./yaml-schema";

type Raw = unknown;

const isMap = (v: Raw): v is Record<string, Raw> => typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof ComposeTag);

/** True for a build context that is not a folder: a Git or HTTP(S) URL. */
export function isRemoteContext(context: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(context) || context.startsWith("git@") || context.startsWith("github.com/");
}

/** How paths are resolved. */
export interface PathContext {
  /** The folder relative paths are relative to. */
  baseDir: string;
  /** The home folder, for `~`. */
  home: string;
  /** Resolves interpolation markers (a path's value is what matters, not where it came from). */
  resolve: (s: string) => string;
  /**
   * Told of each bind source written with `~` (its tree path and the path it became), for callers whose `home` is
   * not the home of the machine the result runs on. @default none
   */
  onHome?: (at: readonly (string | number)[], written: string, expanded: string) => void;
}

function unwrap(v: Raw): Raw {
  return v instanceof ComposeTag ? v.value : v;
}

/** Makes every relative path of a Compose document absolute, in place. */
export function resolveDocumentPaths(doc: Record<string, Raw>, ctx: PathContext): void {
  const abs = (p: string) => resolvePath(ctx.resolve(p), ctx.baseDir, ctx.home);
  const services = unwrap(doc["services"]);
  if (isMap(services)) {
    for (const [name, raw] of Object.entries(services)) {
      const s = unwrap(raw);
      if (!isMap(s)) continue;
      const build = unwrap(s["build"]);
      if (typeof build === "string" && !isRemoteContext(ctx.resolve(build))) s["build"] = abs(build);
      else if (isMap(build) && typeof build["context"] === "string" && !isRemoteContext(ctx.resolve(build["context"]))) {
        build["context"] = abs(build["context"]);
      }
      for (const key of ["env_file", "label_file"]) {
        const v = unwrap(s[key]);
        if (typeof v === "string") s[key] = abs(v);
        else if (Array.isArray(v)) {
          v.forEach((item, i) => {
            if (typeof item === "string") v[i] = abs(item);
            else if (isMap(item) && typeof item["path"] === "string") item["path"] = abs(item["path"]);
          });
        }
      }
      const volumes = unwrap(s["volumes"]);
      if (Array.isArray(volumes)) {
        volumes.forEach((item, i) => {
          volumes[i] = volumePath(item, ctx, ["services", name, "volumes", i]);
        });
      }
      const ext = unwrap(s["extends"]);
      if (isMap(ext) && typeof ext["file"] === "string") ext["file"] = abs(ext["file"]);
      const develop = unwrap(s["develop"]);
      const watch = isMap(develop) ? unwrap(develop["watch"]) : undefined;
      if (Array.isArray(watch)) for (const w of watch) if (isMap(w) && typeof w["path"] === "string") w["path"] = abs(w["path"]);
    }
  }
  for (const kind of ["configs", "secrets"]) {
    const objects = unwrap(doc[kind]);
    if (!isMap(objects)) continue;
    for (const raw of Object.values(objects)) {
      const o = unwrap(raw);
      if (isMap(o) && typeof o["file"] === "string") o["file"] = abs(o["file"]);
    }
  }
  const volumes = unwrap(doc["volumes"]);
  if (isMap(volumes)) {
    for (const raw of Object.values(volumes)) {
      const v = unwrap(raw);
      const opts = isMap(v) ? unwrap(v["driver_opts"]) : undefined;
      // A local volume that binds a folder (`device: ./data`, `o: bind`) names it relative to the file.
      if (isMap(opts) && typeof opts["device"] === "string" && /^\.\.?\//.test(ctx.resolve(opts["device"]))) opts["device"] = abs(opts["device"]);
    }
  }
}

/** A service volume with a relative bind source, as the long syntax with an absolute source; others as they are. */
function volumePath(item: Raw, ctx: PathContext, at: readonly (string | number)[]): Raw {
  if (typeof item === "string") {
    const spec = ctx.resolve(item);
    const first = spec.split(":")[0] ?? "";
    if (!/^[.~]/.test(first) || spec.split(":").length < 2) return item;
    const { mount } = parseShortVolume(spec, ctx.baseDir, ctx.home);
    if (mount?.type !== "bind") return item;
    if (first.startsWith("~") && mount.source !== undefined) ctx.onHome?.(at, first, mount.source);
    const long: Record<string, Raw> = { type: "bind", source: mount.source, target: mount.target };
    if (mount.readOnly) long["read_only"] = true;
    const bind: Record<string, Raw> = {};
    if (mount.propagation !== undefined) bind["propagation"] = mount.propagation;
    if (mount.selinux !== undefined) bind["selinux"] = mount.selinux;
    if (Object.keys(bind).length > 0) long["bind"] = bind;
    return long;
  }
  if (isMap(item) && item["type"] === "bind" && typeof item["source"] === "string") {
    const source = ctx.resolve(item["source"]);
    if (!source.startsWith("/")) {
      const resolved = resolvePath(source, ctx.baseDir, ctx.home);
      if (source.startsWith("~")) ctx.onHome?.([...at, "source"], source, resolved);
      item["source"] = resolved;
    }
  }
  return item;
}

/**
 * `.dockerignore` matching, as the Docker CLI applies it to a build context: one pattern a line (`#` comments and
 * blank lines skipped), paths relative to the context with a leading `/` or `./` removed, `*` within one path part,
 * `?` one character, `**` any number of parts, `[...]` a character class, `\` an escape, `!` an exception that
 * brings back what an earlier pattern left out; the last pattern that matches a path (or one of its parent folders)
 * decides. Pure.
 */

/** One pattern, compiled. */
interface Pattern {
  exclusion: boolean;
  regex: RegExp;
}

/** A compiled `.dockerignore`. */
export class DockerIgnore {
  private readonly patterns: Pattern[];

  constructor(text: string) {
    this.patterns = [];
    for (const raw of text.split(/\r?\n/)) {
      let line = raw.trim();
      if (line === "" || line.startsWith("#")) continue;
      const exclusion = line.startsWith("!");
      if (exclusion) line = line.slice(1).trim();
      line = clean(line);
      if (line === "") continue;
      this.patterns.push({ exclusion, regex: compile(line) });
    }
  }

  /** True when the file is left out of the context. `file` is relative to the context, `/`-separated. */
  public excludes(file: string): boolean {
    let matched = false;
    const parents = file.split("/").slice(0, -1);
    for (const p of this.patterns) {
      // An inclusion cannot change an already excluded path's fate unless it is an exception, and the reverse.
      if (p.exclusion !== matched) continue;
      let match = p.regex.test(file);
      for (let i = 1; !match && i <= parents.length; i++) match = p.regex.test(parents.slice(0, i).join("/"));
      if (match) matched = !p.exclusion;
    }
    return matched;
  }

  /** True when some exception pattern exists (a left-out folder must then still be walked). */
  public get hasExceptions(): boolean {
    return this.patterns.some((p) => p.exclusion);
  }
}

/**
 * A pattern's path cleaned as Go's filepath.Clean would, without a leading `/` or `./`, and with repeated `**` parts
 * made one (the same set of paths, without the backtracking a chain of them would cost).
 */
function clean(pattern: string): string {
  const out: string[] = [];
  for (const part of pattern.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else if (part === "**" && out[out.length - 1] === "**") continue;
    else out.push(part);
  }
  return out.join("/");
}

/** The regular expression of one pattern. */
function compile(pattern: string): RegExp {
  let re = "^";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "*") {
      if (pattern[i + 1] === "*") {
        i++;
        if (pattern[i + 1] === "/") i++;
        re += i + 1 >= pattern.length ? ".*" : "(.*/)?";
      } else re += "[^/]*";
    } else if (c === "?") re += "[^/]";
    else if (c === "\\" && i + 1 < pattern.length) re += `\\${pattern[++i]}`;
    else if (c === "[") {
      const close = pattern.indexOf("]", i + 1);
      if (close < 0) re += "\\[";
      else {
        const body = pattern.slice(i + 1, close).replace(/^!/, "^").replace(/\\/g, "\\\\");
        re += `[${body}]`;
        i = close;
      }
    } else if (/[.+(){}|^$]/.test(c)) re += `\\${c}`;
    else re += c;
  }
  try {
    return new RegExp(`${re}$`);
  } catch {
    // A malformed pattern matches only itself, as a literal.
    return new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
  }
}

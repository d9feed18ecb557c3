import { SHOWN_MAX, shown } from "../../src/core/shown";
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  type Converted,
  type ConversionIssue,
  describeValue,
  dockerPyBytesToMb,
  nanoCpusToCpus,
  nanosToDuration,
  parseAnonymousVolumes,
  parseBinds,
  parseDeviceRequests,
  parseDevices,
  parseEnvironment,
  parseExposedPorts,
  parseExtraHosts,
  parseHealthcheck,
  parseLabels,
  parseLogConfig,
  parseMounts,
  parseNetworkingConfig,
  parsePortBindings,
  parsePortSpec,
  parseRestartPolicy,
  parseThrottles,
  parseTmpfs,
  parseUlimits,
  parseVolumesFrom,
  shlexSplit,
  toArgv,
  toBoolean,
  toCount,
  toInteger,
  toText,
  toTextList,
  toTextMap,
  toTextOrInteger,
  toTextOrIntegerList,
} from "../../src/docker-py/units";

/** A good case: input → exact value. */
type Good = readonly [input: unknown, value: unknown];
/** A bad case: input → exact issue paths, and a pattern every message must match (it names the bad value). */
type Bad = readonly [input: unknown, paths: readonly string[], message: RegExp];

/** Runs a converter's table of good and bad cases, one test per case. */
function table(name: string, convert: (v: unknown) => Converted<unknown>, good: readonly Good[], bad: readonly Bad[]): void {
  describe(name, () => {
    for (const [input, value] of good) {
      test(`${describeValue(input)} → ${describeValue(value)}`, () => {
        assert.deepEqual(convert(input), { ok: true, value });
      });
    }
    for (const [input, paths, message] of bad) {
      test(`${describeValue(input)} is an issue at ${paths.map((p) => `"${p}"`).join(", ")}`, () => {
        const r = convert(input);
        assert.equal(r.ok, false, `expected issues, got ${describeValue(r)}`);
        const issues: ConversionIssue[] = r.ok ? [] : r.issues;
        assert.deepEqual(
          issues.map((i) => i.path),
          paths,
        );
        for (const i of issues) assert.match(i.message, message);
      });
    }
  });
}

table(
  "toBoolean",
  toBoolean,
  [
    [true, true],
    [false, false],
  ],
  [
    ["true", [""], /true or false, not "true"/],
    [1, [""], /not 1/],
  ],
);

table("toText", toText, [["x", "x"]], [[3, [""], /string, not 3/]]);

table(
  "toTextOrInteger",
  toTextOrInteger,
  [
    ["www-data", "www-data"],
    [1000, "1000"],
  ],
  [[1.5, [""], /not 1.5/]],
);

table(
  "toInteger (min -1)",
  (v) => toInteger(v, -1),
  [
    [-1, -1],
    [50000, 50000],
  ],
  [
    [-2, [""], /at least -1, not -2/],
    ["5", [""], /integer, not "5"/],
  ],
);

table("toCount", toCount, [[0, 0]], [[-1, [""], /at least 0, not -1/]]);

table(
  "toTextList",
  toTextList,
  [
    ["8.8.8.8", ["8.8.8.8"]],
    [["a", "b"], ["a", "b"]],
    [[], []],
  ],
  [
    [["a", 2, {}], ["[1]", "[2]"], /must be a string, not (2|\{\})/],
    [{ a: 1 }, [""], /list of strings, not \{"a":1\}/],
  ],
);

table(
  "toTextOrIntegerList",
  toTextOrIntegerList,
  [
    [["audio", 44], ["audio", "44"]],
    [44, ["44"]],
  ],
  [[["audio", true], ["[1]"], /not true/]],
);

table(
  "toTextMap",
  toTextMap,
  [[{ "net.core.somaxconn": 1024, "a.b": "x", c: true }, { "net.core.somaxconn": "1024", "a.b": "x", c: "true" }]],
  [
    [{ a: [1] }, [".a"], /string, not \[1\]/],
    [["a"], [""], /map of strings, not \["a"\]/],
  ],
);

table(
  "dockerPyBytesToMb",
  (v) => dockerPyBytesToMb(v),
  [
    ["512m", 512],
    ["512M", 512],
    ["512mb", 512],
    ["1g", 1024],
    ["2G", 2048],
    ["1048576k", 1024],
    ["1048576", 1],
    ["1048576b", 1],
    [536870912, 512],
    [0, 0],
  ],
  [
    ["512x", [""], /units b, k, m, g.*"512x"/],
    ["1t", [""], /"1t"/],
    [1000000, [""], /1000000, which is not a whole number of megabytes.*"1m"/],
    ["1500k", [""], /"1500k".*not a whole number.*"1m"/],
    [-1, [""], /not be negative, not -1/],
    [1.5, [""], /not 1.5/],
    [true, [""], /not true/],
  ],
);

table(
  "dockerPyBytesToMb (swap, -1 unlimited)",
  (v) => dockerPyBytesToMb(v, true),
  [
    [-1, -1],
    ["1g", 1024],
  ],
  [[-2, [""], /negative, not -2/]],
);

table(
  "nanosToDuration",
  nanosToDuration,
  [
    [10000000000, "10s"],
    [30000000000, "30s"],
    [1500000000, "1.5s"],
    [90000000000, "1m30s"],
    [1001000000, "1.001s"],
    [1000000, "1ms"],
    [0, "0s"],
  ],
  [
    [1500, [""], /1500 ns.*milliseconds/],
    ["10s", [""], /nanoseconds.*not "10s"/],
    [-1, [""], /not -1/],
  ],
);

table(
  "nanoCpusToCpus",
  nanoCpusToCpus,
  [
    [1000000000, "1"],
    [1500000000, "1.5"],
    [500000000, "0.5"],
    [250000000, "0.25"],
    [2000000001, "2.000000001"],
  ],
  [
    [0, [""], /positive.*not 0/],
    ["1.5", [""], /not "1.5"/],
  ],
);

table(
  "shlexSplit",
  (v) => shlexSplit(String(v)),
  [
    ["/bin/sleep 30", ["/bin/sleep", "30"]],
    ["mongod --rest --httpinterface --smallfiles", ["mongod", "--rest", "--httpinterface", "--smallfiles"]],
    ["  a\t b \n c  ", ["a", "b", "c"]],
    [`sh -c 'echo "hi there"; exit 1'`, ["sh", "-c", 'echo "hi there"; exit 1']],
    [`echo "a \\"b\\" \\\\ \\n"`, ["echo", 'a "b" \\ \\n']],
    [`a\\ b c`, ["a b", "c"]],
    [`x'y'"z"`, ["xyz"]],
    [`'' ""`, ["", ""]],
    ["", []],
    [`'it''s'`, ["its"]],
  ],
  [
    [`echo 'unclosed`, [""], /no closing ' quote: "echo 'unclosed"/],
    [`echo "unclosed`, [""], /no closing " quote/],
    [`trailing\\`, [""], /lone backslash/],
  ],
);

table(
  "toArgv",
  toArgv,
  [
    ["nodejs server.js", ["nodejs", "server.js"]],
    [["sleep", 30], ["sleep", "30"]],
    [["sh", "-c", "a b"], ["sh", "-c", "a b"]],
  ],
  [
    [{ cmd: "x" }, [""], /command line string or a list of strings, not \{"cmd":"x"\}/],
    [["a", null], ["[1]"], /string, not null/],
  ],
);

table(
  "parsePortSpec",
  parsePortSpec,
  [
    [80, { port: 80, protocol: "tcp" }],
    ["80", { port: 80, protocol: "tcp" }],
    ["53/udp", { port: 53, protocol: "udp" }],
    ["132/SCTP", { port: 132, protocol: "sctp" }],
  ],
  [
    ["80-81", [""], /not a port: "80-81"/],
    [0, [""], /not a port: 0/],
    [70000, [""], /not a port: 70000/],
    ["80/icmp", [""], /protocol "icmp" in "80\/icmp"/],
  ],
);

table(
  "parseExposedPorts",
  parseExposedPorts,
  [
    [
      [80, "53/udp", [5000, "sctp"], "8080"],
      [
        { internal: 80, protocol: "tcp" },
        { internal: 53, protocol: "udp" },
        { internal: 5000, protocol: "sctp" },
        { internal: 8080, protocol: "tcp" },
      ],
    ],
    [3306, [{ internal: 3306, protocol: "tcp" }]],
  ],
  [
    [[80, "x", [1, 2, 3]], ["[1]", "[2]"], /("x"|\[1,2,3\])/],
    [[[53, 17]], ["[0]"], /\[53,17\]/],
  ],
);

table(
  "parsePortBindings",
  parsePortBindings,
  [
    [{ 80: 80 }, [{ internal: 80, external: 80, protocol: "tcp" }]],
    [{ "80/tcp": 8080 }, [{ internal: 80, external: 8080, protocol: "tcp" }]],
    [{ "80/tcp": "8080" }, [{ internal: 80, external: 8080, protocol: "tcp" }]],
    [{ 1111: ["127.0.0.1", 4567] }, [{ internal: 1111, external: 4567, ip: "127.0.0.1", protocol: "tcp" }]],
    [{ 1111: ["127.0.0.1"] }, [{ internal: 1111, ip: "127.0.0.1", protocol: "tcp" }]],
    [{ 1111: ["::1", "4567"] }, [{ internal: 1111, external: 4567, ip: "::1", protocol: "tcp" }]],
    [
      { 80: [8080, 8081] },
      [
        { internal: 80, external: 8080, protocol: "tcp" },
        { internal: 80, external: 8081, protocol: "tcp" },
      ],
    ],
    [
      { 80: [["127.0.0.1", 8080], 8081, null] },
      [
        { internal: 80, external: 8080, ip: "127.0.0.1", protocol: "tcp" },
        { internal: 80, external: 8081, protocol: "tcp" },
        { internal: 80, protocol: "tcp" },
      ],
    ],
    [{ "53/udp": null }, [{ internal: 53, protocol: "udp" }]],
    [{ "53/udp": "" }, [{ internal: 53, protocol: "udp" }]],
    [
      { "80/tcp": [{ HostIp: "", HostPort: "8080" }, { HostIp: "10.0.0.1", HostPort: "" }] },
      [
        { internal: 80, external: 8080, protocol: "tcp" },
        { internal: 80, ip: "10.0.0.1", protocol: "tcp" },
      ],
    ],
    [{ "80/tcp": { HostPort: "80" } }, [{ internal: 80, external: 80, protocol: "tcp" }]],
    [{}, []],
  ],
  [
    [[80], [""], /map from container port to host port.*not \[80\]/],
    [{ "80-90": 80 }, [".80-90"], /not a port: "80-90"/],
    [{ 80: "8080-8090" }, [".80"], /host port range \("8080-8090"\)/],
    [{ 80: 99999 }, [".80"], /not a host port.*99999/],
    [{ 80: [8080, "x"] }, [".80[1]"], /"x"/],
    [{ 80: [] }, [".80"], /empty list/],
    [{ 80: { HostPort: "1", Extra: 1 } }, [".80"], /unknown keys Extra/],
    [{ 80: "abc", 81: 0 }, [".80", ".81"], /("abc"|0)/],
    [{ 80: [1, 2, 3].map(() => ({ HostIp: 5 })) }, [".80[0]", ".80[1]", ".80[2]"], /not a string: 5/],
  ],
);

table(
  "parseBinds",
  parseBinds,
  [
    [["/srv/data:/data"], [{ hostPath: "/srv/data", containerPath: "/data" }]],
    [["/srv/data:/data:ro"], [{ hostPath: "/srv/data", containerPath: "/data", readOnly: true }]],
    [["/srv/data:/data:rw,Z"], [{ hostPath: "/srv/data", containerPath: "/data", selinuxRelabel: "Z" }]],
    [["dbdata:/var/lib/db"], [{ volumeName: "dbdata", containerPath: "/var/lib/db" }]],
    ["/a:/b", [{ hostPath: "/a", containerPath: "/b" }]],
    [{ "/srv/data": { bind: "/data", mode: "ro" } }, [{ hostPath: "/srv/data", containerPath: "/data", readOnly: true }]],
    [{ "/srv/data": { bind: "/data", ro: true } }, [{ hostPath: "/srv/data", containerPath: "/data", readOnly: true }]],
    [{ "/srv/data": { bind: "/data", ro: false } }, [{ hostPath: "/srv/data", containerPath: "/data" }]],
    [{ "/srv/data": { bind: "/data" } }, [{ hostPath: "/srv/data", containerPath: "/data" }]],
    [{ "/srv/data": "/data" }, [{ hostPath: "/srv/data", containerPath: "/data" }]],
    [{ logs: { bind: "/logs", mode: "z" } }, [{ volumeName: "logs", containerPath: "/logs", selinuxRelabel: "z" }]],
  ],
  [
    [["/a"], ["[0]"], /"source:target" or "source:target:mode", not "\/a"/],
    [["/a:b"], ["[0]"], /absolute path in the container, not "b"/],
    [["./rel:/b"], ["[0]"], /source "\.\/rel".*absolute path/],
    [["/a:/b:rshared"], ["[0]"], /mode "rshared".*`mounts`/],
    [["/a:/b:nocopy"], ["[0]"], /mode "nocopy"/],
    [["/a:/b:xx"], ["[0]"], /unknown mode "xx"/],
    [["/a:/b", "/c:/b"], ["[1]"], /binds \/b again \(also bound by \[0\]\)/],
    [[7], ["[0]"], /not 7/],
    [{ "/a": { bind: "/b", mode: "ro", ro: true } }, ["./a"], /both mode and ro/],
    [{ "/a": { bind: "/b", size: 1 } }, ["./a"], /unknown keys size/],
    [{ "/a": { bind: "/b", ro: "yes" } }, ["./a.ro"], /ro "yes"/],
    [{ "/a": { bind: "/b", mode: 1 } }, ["./a.mode"], /mode 1/],
    [{ "/a": 5 }, ["./a"], /not 5/],
    [5, [""], /not 5/],
  ],
);

table(
  "parseAnonymousVolumes",
  parseAnonymousVolumes,
  [
    [["/data", "/logs"], [{ containerPath: "/data" }, { containerPath: "/logs" }]],
    ["/data", [{ containerPath: "/data" }]],
    [{ "/data": {} }, [{ containerPath: "/data" }]],
  ],
  [
    [["/h:/data"], ["[0]"], /looks like a bind \("\/h:\/data"\).*`binds`/],
    [["data", 5], ["[0]", "[1]"], /absolute path in the container, not ("data"|5)/],
  ],
);

table(
  "parseVolumesFrom",
  parseVolumesFrom,
  [
    [["db", "cfg:ro", "x:rw"], [{ fromContainer: "db" }, { fromContainer: "cfg", readOnly: true }, { fromContainer: "x" }]],
    ["db", [{ fromContainer: "db" }]],
  ],
  [
    [["db:rx"], ["[0]"], /"container:ro", not "db:rx"/],
    [[3], ["[0]"], /string, not 3/],
  ],
);

table(
  "parseDevices",
  parseDevices,
  [
    [["/dev/sda:/dev/xvda:rwm"], [{ hostPath: "/dev/sda", containerPath: "/dev/xvda", permissions: "rwm" }]],
    [["/dev/fuse"], [{ hostPath: "/dev/fuse", containerPath: "/dev/fuse", permissions: "rwm" }]],
    [["/dev/sda:/dev/xvda"], [{ hostPath: "/dev/sda", containerPath: "/dev/xvda", permissions: "rwm" }]],
    [["/dev/sda:/dev/xvda:r"], [{ hostPath: "/dev/sda", containerPath: "/dev/xvda", permissions: "r" }]],
    [
      [{ PathOnHost: "/dev/sda", PathInContainer: "/dev/xvda", CgroupPermissions: "rw" }],
      [{ hostPath: "/dev/sda", containerPath: "/dev/xvda", permissions: "rw" }],
    ],
    ["/dev/fuse", [{ hostPath: "/dev/fuse", containerPath: "/dev/fuse", permissions: "rwm" }]],
  ],
  [
    [["/dev/sda:/dev/xvda:rwx"], ["[0]"], /permissions "rwx"/],
    [["sda"], ["[0]"], /not "sda"/],
    [["/dev/sda:xvda"], ["[0]"], /container path "xvda"/],
    [["/a:/b:r:x"], ["[0]"], /not "\/a:\/b:r:x"/],
    [[5], ["[0]"], /not 5/],
  ],
);

table(
  "parseTmpfs",
  parseTmpfs,
  [
    [{ "/run": "size=64m", "/tmp": "" }, { "/run": "size=64m", "/tmp": "" }],
    [["/run:rw,size=64m", "/tmp"], { "/run": "rw,size=64m", "/tmp": "" }],
    ["/run", { "/run": "" }],
  ],
  [
    [["run"], ["[0]"], /"\/path" or "\/path:options", not "run"/],
    [{ "/run": [1] }, ["./run"], /not \[1\]/],
  ],
);

table(
  "parseMounts",
  parseMounts,
  [
    [["/srv:/data:ro"], [{ target: "/data", type: "bind", source: "/srv", readOnly: true }]],
    [["vol:/data"], [{ target: "/data", type: "volume", source: "vol" }]],
    [
      [
        {
          Target: "/data",
          Source: "vol",
          Type: "volume",
          ReadOnly: false,
          VolumeOptions: { NoCopy: true, Labels: { a: "b" }, DriverConfig: { Name: "local", Options: { o: "bind" } } },
        },
      ],
      [
        {
          target: "/data",
          type: "volume",
          source: "vol",
          readOnly: false,
          volumeOptions: { noCopy: true, labels: [{ label: "a", value: "b" }], driverName: "local", driverOptions: { o: "bind" } },
        },
      ],
    ],
    [
      [{ Target: "/h", Source: "/host", Type: "bind", BindOptions: { Propagation: "rshared" } }],
      [{ target: "/h", type: "bind", source: "/host", bindOptions: { propagation: "rshared" } }],
    ],
    [
      [{ Target: "/t", Type: "tmpfs", Source: "", TmpfsOptions: { SizeBytes: 1048576, Mode: 1777 } }],
      [{ target: "/t", type: "tmpfs", tmpfsOptions: { sizeBytes: 1048576, mode: 1777 } }],
    ],
    [[{ Target: "/v" }], [{ target: "/v", type: "volume" }]],
  ],
  [
    [[{ Source: "x" }], ["[0]"], /Target.*not undefined/],
    [[{ Target: "/a", Type: "npipe" }], ["[0]"], /Type "npipe"/],
    [[{ Target: "/a", Foo: 1 }], ["[0]"], /cannot take: Foo/],
    [[{ Target: "/a", TmpfsOptions: { SizeBytes: -1 } }], ["[0].TmpfsOptions.SizeBytes"], /not -1/],
    [[{ Target: "/a", BindOptions: { NonRecursive: true } }], ["[0].BindOptions"], /Propagation/],
    [["nocolon"], ["[0]"], /"nocolon"/],
  ],
);

table(
  "parseEnvironment",
  parseEnvironment,
  [
    [{ NODECELLAR_PORT: 8080, MONGO_HOST: "mongod", DEBUG: true, OFF: false }, ["NODECELLAR_PORT=8080", "MONGO_HOST=mongod", "DEBUG=True", "OFF=False"]],
    [["A=1", "B=", "C=x=y"], ["A=1", "B=", "C=x=y"]],
    [{}, []],
  ],
  [
    [{ A: null, B: { x: 1 } }, [".A", ".B"], /string, number or boolean, not (null|\{"x":1\})/],
    [["A"], ["[0]"], /"KEY=VALUE" string, not "A"/],
    ["A=1", [""], /not "A=1"/],
  ],
);

table(
  "parseLabels",
  parseLabels,
  [
    [{ tier: "web", weight: 3 }, [{ label: "tier", value: "web" }, { label: "weight", value: "3" }]],
    [["a", "b"], [{ label: "a", value: "" }, { label: "b", value: "" }]],
  ],
  [
    [{ a: {} }, [".a"], /not \{\}/],
    ["x", [""], /list of names, not "x"/],
    [["a", 1], ["[1]"], /not 1/],
  ],
);

table(
  "parseExtraHosts",
  parseExtraHosts,
  [
    [{ db: "10.0.0.5", v6: "::1" }, [{ host: "db", ip: "10.0.0.5" }, { host: "v6", ip: "::1" }]],
    [["db:10.0.0.5", "v6:::1"], [{ host: "db", ip: "10.0.0.5" }, { host: "v6", ip: "::1" }]],
  ],
  [
    [["db"], ["[0]"], /"host:address" string, not "db"/],
    [["db:"], ["[0]"], /not "db:"/],
    [{ db: 5 }, [".db"], /address string, not 5/],
    ["db:1.2.3.4", [""], /not "db:1.2.3.4"/],
  ],
);

table(
  "parseUlimits",
  parseUlimits,
  [
    [[{ name: "nofile", soft: 1024, hard: 2048 }], [{ name: "nofile", soft: 1024, hard: 2048 }]],
    [[{ Name: "core", Soft: -1, Hard: -1 }], [{ name: "core", soft: -1, hard: -1 }]],
  ],
  [
    [[{ name: "nofile", soft: 1024 }], ["[0]"], /\(nofile\) needs both soft and hard/],
    [[{ soft: 1, hard: 1 }], ["[0]"], /needs a name.*not undefined/],
    [[{ name: "n", soft: "1", hard: 2 }], ["[0].soft"], /integer, not "1"/],
    [[{ name: "n", soft: 1, hard: 2, x: 1 }], ["[0]"], /\{name, soft, hard\}/],
    [{ name: "n" }, [""], /list of \{name, soft, hard\}/],
  ],
);

table(
  "parseThrottles",
  parseThrottles,
  [
    [[{ Path: "/dev/sda", Rate: 1048576 }], [{ path: "/dev/sda", rate: 1048576 }]],
    [[{ path: "/dev/sdb", rate: 100 }], [{ path: "/dev/sdb", rate: 100 }]],
  ],
  [
    [[{ Path: "sda", Rate: 1 }], ["[0]"], /device path, not "sda"/],
    [[{ Path: "/dev/sda", Rate: "1mb" }], ["[0].Rate"], /integer, not "1mb"/],
    [{ Path: "/dev/sda" }, [""], /list of \{Path, Rate\}/],
  ],
);

table(
  "parseRestartPolicy",
  parseRestartPolicy,
  [
    [{ Name: "always" }, { restart: "always" }],
    [{ Name: "on-failure", MaximumRetryCount: 5 }, { restart: "on-failure", maxRetryCount: 5 }],
    [{ Name: "unless-stopped", MaximumRetryCount: 0 }, { restart: "unless-stopped", maxRetryCount: 0 }],
    [{ Name: "" }, { restart: "no" }],
    [{}, { restart: "no" }],
  ],
  [
    [{ Name: "sometimes" }, [".Name"], /Name "sometimes"/],
    [{ Name: "always", MaximumRetryCount: 3 }, [".MaximumRetryCount"], /MaximumRetryCount 3 with Name "always"/],
    [{ Name: "on-failure", MaximumRetryCount: -1 }, [".MaximumRetryCount"], /not -1/],
    [{ name: "always" }, [""], /\{Name: "on-failure", MaximumRetryCount: 5\}, not \{"name":"always"\}/],
    ["always", [""], /not "always"/],
  ],
);

table(
  "parseLogConfig",
  parseLogConfig,
  [
    [{ type: "json-file", config: { "max-size": "10m", "max-file": 3 } }, { logDriver: "json-file", logOpts: { "max-size": "10m", "max-file": "3" } }],
    [{ Type: "syslog", Config: {} }, { logDriver: "syslog" }],
    [{ type: "none" }, { logDriver: "none" }],
  ],
  [
    [{ config: {} }, [""], /needs type.*not undefined/],
    [{ type: "json-file", config: { a: [] } }, [".config.a"], /not \[\]/],
    [{ driver: "x" }, [""], /not \{"driver":"x"\}/],
  ],
);

table(
  "parseHealthcheck",
  parseHealthcheck,
  [
    [
      { test: "curl -f localhost", interval: 10000000000, timeout: 2000000000, retries: 3, start_period: 500000000 },
      { tests: ["CMD-SHELL", "curl -f localhost"], interval: "10s", timeout: "2s", retries: 3, startPeriod: "500ms" },
    ],
    [{ Test: ["CMD", "true"], Interval: 1000000000, StartInterval: 2000000000 }, { tests: ["CMD", "true"], interval: "1s", startInterval: "2s" }],
    [{ test: ["NONE"] }, { tests: ["NONE"] }],
  ],
  [
    [{ test: "x", interval: "10s" }, [".interval"], /nanoseconds.*not "10s"/],
    [{ test: "x", interval: 1, retries: -1 }, [".interval", ".retries"], /(1 ns|not -1)/],
    [{ test: "x", every: 1 }, [""], /\{test, interval, timeout, retries, start_period\}/],
  ],
);

table(
  "parseDeviceRequests",
  parseDeviceRequests,
  [
    [
      [{ Driver: "nvidia", Count: -1, Capabilities: [["gpu"]] }],
      [{ driver: "nvidia", count: -1, capabilities: ["gpu"] }],
    ],
    [
      [{ Driver: "cdi", DeviceIDs: ["nvidia.com/gpu=all"], Options: { a: "b" } }],
      [{ driver: "cdi", deviceIds: ["nvidia.com/gpu=all"], options: { a: "b" } }],
    ],
    [[{ driver: "nvidia", capabilities: ["gpu", "utility"] }], [{ driver: "nvidia", capabilities: ["gpu", "utility"] }]],
  ],
  [
    [[{ Capabilities: [["gpu"], ["compute"]] }], ["[0].Capabilities"], /2 alternative capability sets/],
    [[{ Count: -2 }], ["[0].Count"], /not -2/],
    [[{ Gpus: 1 }], ["[0]"], /Driver, Count/],
    [{ Driver: "x" }, [""], /list of/],
  ],
);

table(
  "parseNetworkingConfig",
  parseNetworkingConfig,
  [
    [
      {
        EndpointsConfig: {
          backend: {
            Aliases: ["db"],
            IPAMConfig: { IPv4Address: "172.20.0.5", IPv6Address: "fd00::5", LinkLocalIPs: ["169.254.0.5"] },
            DriverOpts: { mtu: 1400 },
            MacAddress: "02:42:ac:11:00:02",
          },
          frontend: null,
        },
      },
      [
        {
          name: "backend",
          aliases: ["db"],
          ipv4Address: "172.20.0.5",
          ipv6Address: "fd00::5",
          linkLocalIps: ["169.254.0.5"],
          driverOpts: ["mtu=1400"],
          macAddress: "02:42:ac:11:00:02",
        },
        { name: "frontend" },
      ],
    ],
  ],
  [
    [{ EndpointsConfig: { b: { Links: ["db:db"] } } }, [".EndpointsConfig.b.Links"], /Links, legacy links/],
    [{ EndpointsConfig: { b: { IPAMConfig: { Subnet: "x" } } } }, [".EndpointsConfig.b.IPAMConfig"], /IPv4Address/],
    [{ EndpointsConfig: { b: { Priority: 1 } } }, [".EndpointsConfig.b"], /cannot take: Priority/],
    [{ b: {} }, [""], /EndpointsConfig/],
  ],
);

test("describeValue cuts long values and renders undefined", () => {
  assert.equal(describeValue(undefined), "undefined");
  const long = describeValue("x".repeat(100));
  assert.equal(long, shown("x".repeat(100)));
  assert.ok(long.length <= SHOWN_MAX && long.endsWith('…"'), long);
  assert.equal(describeValue({ a: 1 }), '{"a":1}');
});

import assert from "node:assert/strict";
import { test } from "node:test";
import type { ComposePort } from "../../src/compose/model";
import { expandPorts, parseShortPort, parseShortVolume, portCount, resolvePath } from "../../src/compose/syntax";
import { shellWords } from "../../src/core/shell-words";

const words: [string, { words: string[]; error?: string }][] = [
  ["httpd -f -p 80", { words: ["httpd", "-f", "-p", "80"] }],
  [`echo "a b" 'c d' e\\ f`, { words: ["echo", "a b", "c d", "e f"] }],
  [`sh -c "echo \\"hi\\" \\$HOME"`, { words: ["sh", "-c", 'echo "hi" \\$HOME'] }],
  [`a ""`, { words: ["a", ""] }],
  ["  spaced   out  ", { words: ["spaced", "out"] }],
  [`echo 'open`, { words: ["echo"], error: "has no closing ' quote" }],
];
for (const [input, out] of words) {
  test(`shellWords(${JSON.stringify(input)})`, () => assert.deepEqual(shellWords(input), out));
}

const ports: [string, ComposePort[] | string][] = [
  ["80", [{ target: 80, protocol: "tcp" }]],
  ["8080:80", [{ target: 80, published: 8080, protocol: "tcp" }]],
  ["53:53/udp", [{ target: 53, published: 53, protocol: "udp" }]],
  ["127.0.0.1:8080:80", [{ target: 80, published: 8080, protocol: "tcp", hostIp: "127.0.0.1" }]],
  ["[::1]:8080:80", [{ target: 80, published: 8080, protocol: "tcp", hostIp: "::1" }]],
  ["127.0.0.1::80", [{ target: 80, protocol: "tcp", hostIp: "127.0.0.1" }]],
  [
    "9000-9001:80-81",
    [
      { target: 80, published: 9000, protocol: "tcp" },
      { target: 81, published: 9001, protocol: "tcp" },
    ],
  ],
  [
    "3000-3001",
    [
      { target: 3000, protocol: "tcp" },
      { target: 3001, protocol: "tcp" },
    ],
  ],
  ["8080:80/icmp", '"8080:80/icmp" is not a port: the protocol "icmp" is not tcp, udp or sctp; write [HOST_IP:][PUBLISHED:]TARGET[/PROTOCOL], e.g. "8080:80/tcp"'],
  ["a:b:c:d", '"a:b:c:d" is not a port: too many colons; write [HOST_IP:][PUBLISHED:]TARGET[/PROTOCOL], e.g. "8080:80/tcp"'],
  ["8080:http", '"8080:http" is not a port: the container port is not a number or range; write [HOST_IP:][PUBLISHED:]TARGET[/PROTOCOL], e.g. "8080:80/tcp"'],
  ["1-3:1-2", '"1-3:1-2" is not a port: the published range and the container range differ in length; write [HOST_IP:][PUBLISHED:]TARGET[/PROTOCOL], e.g. "8080:80/tcp"'],
  ["99999:80", '"99999:80" is not a port: the published port is not a number or range; write [HOST_IP:][PUBLISHED:]TARGET[/PROTOCOL], e.g. "8080:80/tcp"'],
];
for (const [input, out] of ports) {
  test(`parseShortPort(${JSON.stringify(input)})`, () => {
    const r = parseShortPort(input);
    if (typeof out === "string") assert.deepEqual(r, { error: out });
    else {
      assert.equal(portCount(r.spec!), out.length);
      assert.deepEqual(expandPorts(r.spec!), out);
    }
  });
}

test("a full range is one spec of 65,536 ports until it is expanded", () => {
  const r = parseShortPort("0-65535:0-65535/udp");
  assert.deepEqual(r, { spec: { target: [0, 65535], published: [0, 65535], protocol: "udp" } });
  assert.equal(portCount(r.spec!), 65536);
});

const volumes: [string, ReturnType<typeof parseShortVolume>][] = [
  ["/data", { mount: { type: "volume", target: "/data", readOnly: false } }],
  ["data:/data", { mount: { type: "volume", source: "data", target: "/data", readOnly: false } }],
  ["data:/data:ro", { mount: { type: "volume", source: "data", target: "/data", readOnly: true } }],
  ["data:/data:nocopy", { mount: { type: "volume", source: "data", target: "/data", readOnly: false, noCopy: true } }],
  ["./conf:/etc/conf:ro,z", { mount: { type: "bind", source: "/proj/conf", target: "/etc/conf", readOnly: true, selinux: "z" } }],
  ["../up:/up", { mount: { type: "bind", source: "/up", target: "/up", readOnly: false } }],
  ["~/x:/x:rshared", { mount: { type: "bind", source: "/home/u/x", target: "/x", readOnly: false, propagation: "rshared" } }],
  ["/abs:/abs", { mount: { type: "bind", source: "/abs", target: "/abs", readOnly: false } }],
  ["/anon:ro", { mount: { type: "volume", target: "/anon", readOnly: true } }],
  ["data:rel", { error: '"data:rel": the container path "data" must be absolute' }],
  ["data:/d:weird", { error: '"data:/d:weird": the mode "weird" is not ro, rw, nocopy, z, Z or a bind propagation' }],
  ["a:b:c:d", { error: '"a:b:c:d" is not a volume: write [SOURCE:]TARGET[:MODE], e.g. "data:/var/lib/data:ro"' }],
];
for (const [input, out] of volumes) {
  test(`parseShortVolume(${JSON.stringify(input)})`, () => assert.deepEqual(parseShortVolume(input, "/proj", "/home/u"), out));
}

test("resolvePath normalises . and ..", () => {
  assert.equal(resolvePath("./a/../b/./c", "/p/q", "/h"), "/p/q/b/c");
  assert.equal(resolvePath("~", "/p", "/h"), "/h");
});

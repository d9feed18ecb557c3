/**
 * A unix-socket proxy in front of a Docker engine that records every HTTP request passing through it (time, method,
 * path), so the readiness row can count the Engine API requests a wait makes without touching the engine module.
 */
import { rmSync } from "node:fs";
import * as net from "node:net";
import { now } from "./measure";

/** One request seen by the proxy. */
export interface SeenRequest {
  /** {@link now} when its first bytes arrived. */
  at: number;
  method: string;
  path: string;
}

/** A running proxy. */
export interface CountingProxy {
  /** The socket to point a client at (`unix://` + this). */
  socketPath: string;
  /** Every request so far, in order. */
  requests: SeenRequest[];
  close(): Promise<void>;
}

const REQUEST_LINE = /(?:^|\r\n)(GET|HEAD|POST|PUT|DELETE|PATCH|OPTIONS) (\S+) HTTP\/1\.[01]\r\n/g;

/** Starts a proxy listening on `socketPath` that forwards to the engine at `upstreamPath`. */
export function startCountingProxy(socketPath: string, upstreamPath: string): Promise<CountingProxy> {
  rmSync(socketPath, { force: true });
  const requests: SeenRequest[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(upstreamPath);
    sockets.add(client);
    sockets.add(upstream);
    client.on("data", (chunk: Buffer) => {
      // Request bodies here are empty or JSON, so a request line is only ever at the start of a request.
      const at = now();
      for (const m of chunk.toString("latin1").matchAll(REQUEST_LINE)) requests.push({ at, method: m[1]!, path: m[2]! });
      upstream.write(chunk);
    });
    upstream.pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("close", end).on("error", end);
    upstream.on("close", end).on("error", end);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(socketPath, () =>
      resolve({
        socketPath,
        requests,
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => {
              rmSync(socketPath, { force: true });
              done();
            });
          }),
      }),
    );
  });
}

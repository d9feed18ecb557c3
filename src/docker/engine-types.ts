/** Engine facts that appear in Berth's public types, kept apart from engine.ts so the published types never reach dockerode's. */

/** A published port as the engine reports it. */
export interface PublishedPort {
  /** The container port. */
  internal: number;
  /** `tcp`, `udp` or `sctp`. */
  protocol: string;
  /** The host address it is bound on. */
  ip: string;
  /** The host port. */
  external: number;
}

/**
 * How a service publishes itself in its environment's Service Connect namespace: callers in
 * the environment reach it at `http://<name>:<port>` through their Service Connect proxy.
 * @experimental
 */
export interface ServiceConnectOptions {
  /** The name callers use (a DNS label, unique in the environment), e.g. 'api'. */
  readonly name: string;
  /**
   * The container that serves the calls.
   * @default - the first container of the task that has a port
   */
  readonly containerName?: string;
  /**
   * The container port that serves the calls (the callers' security group rule opens exactly this port).
   * @default - the container's first port
   */
  readonly containerPort?: number;
  /**
   * The port callers connect to (`http://<name>:<port>`).
   * @default - the container port
   */
  readonly port?: number;
}

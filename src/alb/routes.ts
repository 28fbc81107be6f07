/**
 * A path-based rule of the load balancer: requests whose path matches `pathPattern` go
 * to `containerName:containerPort` of the same task (e.g. scorekeep's `/api/*` to the
 * API container on 5000), through a target group of their own.
 */
export interface AlbRoute {
  /** The path pattern, e.g. `/api/*` (ALB syntax: `*` and `?` wildcards, case-sensitive). */
  readonly pathPattern: string;
  /** The container of the task that serves these paths. */
  readonly containerName: string;
  /**
   * The container port that serves these paths.
   * @default - the container's first port
   */
  readonly containerPort?: number;
  /**
   * The health check path of this route's target group.
   * @default - the service's `healthCheckPath`
   */
  readonly healthCheckPath?: string;
  /**
   * The priority of the route's listener rule (1-50000, lower is evaluated first). Derived
   * from the path pattern alone, so adding, removing or reordering routes never renumbers
   * the others: more specific patterns first (a longer literal part before the first `*` or
   * `?`), ties broken by a hash of the pattern. Set it to choose the order of overlapping
   * patterns yourself; collisions are refused at synth.
   * @default - derived from pathPattern (most specific first)
   */
  readonly priority?: number;
}

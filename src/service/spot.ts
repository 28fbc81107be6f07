/**
 * How a service or task splits its tasks between the FARGATE (on-demand) and FARGATE_SPOT
 * capacity providers. Spot tasks cost less but can be stopped with a two-minute warning.
 * The defaults differ: a `FargateService` keeps one task and half of the rest on demand;
 * a `FargateTask` (work that runs and exits, Spot's classic use) runs all on Spot.
 */
export interface SpotCapacityOptions {
  /**
   * Relative weight of FARGATE_SPOT.
   * @default 1
   */
  readonly spotWeight?: number;
  /**
   * Relative weight of FARGATE (on demand).
   * @default 1 for a FargateService, 0 for a FargateTask
   */
  readonly onDemandWeight?: number;
  /**
   * The number of tasks that always run on FARGATE (on demand) before the weights apply,
   * so the service survives a Spot interruption.
   * @default 1 for a FargateService, 0 for a FargateTask
   */
  readonly onDemandBase?: number;
}

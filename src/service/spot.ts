import * as ecs from 'aws-cdk-lib/aws-ecs';

/**
 * How a service splits its tasks between the FARGATE (on-demand) and FARGATE_SPOT
 * capacity providers. Spot tasks cost less but can be stopped with a two-minute warning.
 */
export interface SpotCapacityOptions {
  /**
   * Relative weight of FARGATE_SPOT.
   * @default 1
   */
  readonly spotWeight?: number;
  /**
   * Relative weight of FARGATE (on demand).
   * @default 1
   */
  readonly onDemandWeight?: number;
  /**
   * The number of tasks that always run on FARGATE (on demand) before the weights apply,
   * so the service survives a Spot interruption.
   * @default 1
   */
  readonly onDemandBase?: number;
}

/** The weights with defaults filled in. */
type ResolvedSpotWeights = Required<SpotCapacityOptions>;

/** Fills in the defaults of `SpotCapacityOptions`. */
export function resolveSpotWeights(spot: SpotCapacityOptions): ResolvedSpotWeights {
  return {
    spotWeight: spot.spotWeight ?? 1,
    onDemandWeight: spot.onDemandWeight ?? 1,
    onDemandBase: spot.onDemandBase ?? 1,
  };
}

/** The capacity provider strategy of the weights (an entry with weight 0 and no base is left out). */
export function capacityProviderStrategies(w: ResolvedSpotWeights): ecs.CapacityProviderStrategy[] {
  const strategies: ecs.CapacityProviderStrategy[] = [];
  if (w.onDemandWeight > 0 || w.onDemandBase > 0) {
    strategies.push({ capacityProvider: 'FARGATE', weight: w.onDemandWeight, base: w.onDemandBase > 0 ? w.onDemandBase : undefined });
  }
  if (w.spotWeight > 0) {
    strategies.push({ capacityProvider: 'FARGATE_SPOT', weight: w.spotWeight });
  }
  return strategies;
}

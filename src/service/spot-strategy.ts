import * as ecs from 'aws-cdk-lib/aws-ecs';
import { SpotCapacityOptions } from './spot';

/** The weights with defaults filled in. */
type ResolvedSpotWeights = Required<SpotCapacityOptions>;

/** Fills in the defaults of `SpotCapacityOptions` for a service (half on Spot, one task on demand first). */
export function resolveSpotWeights(spot: SpotCapacityOptions): ResolvedSpotWeights {
  return {
    spotWeight: spot.spotWeight ?? 1,
    onDemandWeight: spot.onDemandWeight ?? 1,
    onDemandBase: spot.onDemandBase ?? 1,
  };
}

/** Fills in the defaults of `SpotCapacityOptions` for a task that runs and exits (all on Spot). */
export function resolveTaskSpotWeights(spot: SpotCapacityOptions): ResolvedSpotWeights {
  return {
    spotWeight: spot.spotWeight ?? 1,
    onDemandWeight: spot.onDemandWeight ?? 0,
    onDemandBase: spot.onDemandBase ?? 0,
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

import { App, Stack } from 'aws-cdk-lib';

/** Load-balanced services per service stack: 50 services with an ALB each exceed 500 resources in one stack. */
export const SERVICES_PER_STACK = 10;

/** Every service in the benchmark: the same task size, count and container on both sides. */
export const SERVICE_SHAPE = {
  cpu: 256,
  memoryLimitMiB: 512,
  desiredCount: 2,
  containerPort: 80,
  image: 'public.ecr.aws/nginx/nginx:stable',
} as const;

/**
 * One side of the benchmark: builds N internet-facing services (one ALB each) into an app,
 * a network stack plus one stack per `SERVICES_PER_STACK` services, sharing that network.
 */
export interface BenchSide {
  /** Short name used in tables. */
  readonly name: string;
  /** What it builds, in one sentence. */
  readonly description: string;
  /** Whether it builds the same result as the peer (only then is a ratio ours/peer meaningful). */
  readonly equivalentToPeer: boolean;
  /** Adds N services to the app. */
  build(app: App, services: number): void;
}

/** Hooks a side supplies to `buildSplitApp`. */
export interface SplitAppHooks<TNetwork, TGroup> {
  /** Creates the shared network in the network stack. */
  network(stack: Stack): TNetwork;
  /** Creates what a service stack shares (its ECS cluster). */
  group(stack: Stack, network: TNetwork): TGroup;
  /** Adds service number `index` (0-based) to a service stack. */
  service(stack: Stack, id: string, network: TNetwork, group: TGroup): void;
}

/** Builds the network stack and ceil(N / SERVICES_PER_STACK) service stacks, the same way for every side. */
export function buildSplitApp<TNetwork, TGroup>(app: App, services: number, hooks: SplitAppHooks<TNetwork, TGroup>): void {
  const network = hooks.network(new Stack(app, 'Network'));
  for (let first = 0; first < services; first += SERVICES_PER_STACK) {
    const stack = new Stack(app, `Services${first / SERVICES_PER_STACK}`);
    const group = hooks.group(stack, network);
    for (let i = first; i < Math.min(services, first + SERVICES_PER_STACK); i++) {
      hooks.service(stack, `Service${i}`, network, group);
    }
  }
}

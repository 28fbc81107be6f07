import * as albRules from './alb-rules';
import * as containerRules from './container-rules';
import * as environmentRules from './environment-rules';
import * as imageRules from './image-rules';
import * as layoutRules from './layout-rules';
import * as networkRules from './network-rules';
import * as placementRules from './placement-rules';
import * as routeRules from './route-rules';
import { RuleInfo, isRule } from './rule';
import * as serviceRules from './service-rules';
import * as taskRules from './task-rules';
import * as taskSizeRules from './task-size-rules';
import * as volumeRules from './volume-rules';

export type { RuleInfo } from './rule';

/**
 * The catalogue of every rule this library checks: the rule declarations of each concern's
 * file, in the order of the constructs that check them (network, task definition, service and
 * task, load balancer, environment), each file's rules in declaration order. RULES.md is
 * generated from it (`tools/ci/rules-md.ts`, run by the build) and test/rules/ runs each rule's
 * test pair.
 */
export const RULES: readonly RuleInfo[] = [
  networkRules, layoutRules, placementRules, imageRules, taskSizeRules, containerRules, taskRules, volumeRules,
  serviceRules, albRules, routeRules, environmentRules,
].flatMap(m => Object.values(m).filter(isRule));

/** A rule by its ID. */
export function ruleById(id: string): RuleInfo | undefined {
  return RULES.find(x => x.id === id);
}

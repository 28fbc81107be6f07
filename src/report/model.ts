import { AssemblyStack } from './assembly';
import { Prices } from './cost/prices';
import { StackMonthlyCost, stackMonthlyCost } from './cost/stack-cost';
import { ExposureFacts, exposureFacts } from './exposure';
import { NetworkFacts, networkFacts } from './network';
import { PermissionFacts, permissionFacts } from './permissions';
import { SecurityGroups } from './security-groups';
import { StackTemplate } from './template';

/** Everything the report says about one stack: the facts every section renders and compare diffs. */
export interface StackReport {
  readonly name: string;
  readonly region: string;
  readonly template: StackTemplate;
  readonly network: NetworkFacts;
  readonly exposure: ExposureFacts;
  readonly permissions: PermissionFacts;
  readonly cost: StackMonthlyCost;
}

/** The facts of one stack at the given prices. */
export function stackReport(stack: AssemblyStack, prices: Prices): StackReport {
  const t = stack.template;
  const network = networkFacts(t);
  return {
    name: stack.name,
    region: stack.region,
    template: t,
    network,
    exposure: exposureFacts(t, network, new SecurityGroups(t)),
    permissions: permissionFacts(stack),
    cost: stackMonthlyCost(t.template, prices),
  };
}

/** The AWS services a role is granted (the prefixes of its allowed actions), for the diagram. */
export function grantedServices(s: StackReport, roleId: string | undefined): string[] {
  const role = s.permissions.roles.find(r => r.logicalId === roleId);
  if (!role) return [];
  return [...new Set(role.grants.filter(g => g.effect.startsWith('Allow')).map(g => g.service))].sort();
}

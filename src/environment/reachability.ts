import { Stack, Stage, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { IFargateEnvironment } from './environment';
import { CROSS_STACK } from '../validation/environment-rules';
import { formatProblem } from '../validation/errors';
import { Finding } from '../validation/rule';

/**
 * Whether a workload under `scope` can use `environment` (a construct of this app, maybe of
 * another stack): same stage, and the same known account and region (or both stacks
 * environment-agnostic). A mistake here would end in aws-cdk-lib's cross-reference error
 * while the app synthesizes, so it is thrown now, with this library's message.
 */
export function checkEnvironmentReachable(constructType: string, scope: IConstruct, environment: IFargateEnvironment): void {
  const problem = reachability(scope, environment);
  if (problem !== undefined) throw new Error(formatProblem(constructType, scope, problem));
}

function reachability(scope: IConstruct, environment: IFargateEnvironment): Finding {
  const env = environment.node.path;
  const stage = Stage.of(scope);
  const envStage = Stage.of(environment);
  if (stage !== envStage) {
    return CROSS_STACK.problem('stage', { env, envStage: envStage?.node.path || '(the app)', stage: stage?.node.path || '(the app)' });
  }
  const here = Stack.of(scope);
  const there = Stack.of(environment);
  if (here === there) return undefined;
  const known = (v: string) => !Token.isUnresolved(v);
  if (known(here.region) && known(there.region) && here.region !== there.region) {
    return CROSS_STACK.problem('region', { env, envRegion: there.region, region: here.region });
  }
  if (known(here.account) && known(there.account) && here.account !== there.account) {
    return CROSS_STACK.problem('account', { env, envAccount: there.account, account: here.account });
  }
  const target = (s: Stack) => known(s.account) && known(s.region) ? `${s.account}/${s.region}`
    : known(s.region) ? `region ${s.region} (account unknown)` : known(s.account) ? `account ${s.account} (region unknown)` : 'any account and region';
  if (target(here) !== target(there) && (known(here.region) !== known(there.region) || known(here.account) !== known(there.account))) {
    return CROSS_STACK.problem('agnostic', { env, envTarget: target(there), target: target(here) });
  }
  return undefined;
}

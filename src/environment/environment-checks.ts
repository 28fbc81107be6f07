import { Token } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import { IFargateEnvironment } from './environment';
import { environmentState } from './registry';
import {
  checkCalls, checkCertificateCoversHosts, checkServiceConnectNamesUnique, checkSharedListenerRules, checkTargetGroupQuota,
} from '../validation/environment-rules';
import { reportAtSynth } from '../validation/errors';

/**
 * The rules across the services of an environment, read at synth from what the services of
 * this app declared: the shared listener's rules (priorities, overlaps, quota), target groups,
 * certificate coverage, Service Connect names and calls. An imported environment checks the
 * services of this app only.
 */
export function checkEnvironmentServices(constructType: string, env: IFargateEnvironment): void {
  const state = environmentState(env);
  reportAtSynth(constructType, env, () => {
    const domains = certificateDomains(env.certificates);
    return [
      ...checkSharedListenerRules(state.rules),
      checkTargetGroupQuota(state.targetGroups),
      ...(env.certificates.length > 0 ? state.hosts.map(h => checkCertificateCoversHosts(h.owner, h.hosts, domains)) : []),
      ...checkServiceConnectNamesUnique(state.published),
      ...[...new Set(state.calls.map(c => c.owner))].flatMap(owner =>
        checkCalls(owner, state.calls.filter(c => c.owner === owner).map(c => c.name), state.published.map(p => p.name))),
    ];
  });
}

/** The domain names of each certificate, or `undefined` when one of them is not known at synth (imported). */
function certificateDomains(certificates: readonly acm.ICertificate[]): string[][] | undefined {
  const out: string[][] = [];
  for (const cert of certificates) {
    const cfn = cert.node.defaultChild;
    if (!(cfn instanceof acm.CfnCertificate)) return undefined;
    const names = [cfn.domainName, ...(cfn.subjectAlternativeNames ?? [])];
    if (names.some(n => Token.isUnresolved(n))) return undefined;
    out.push(names);
  }
  return out;
}

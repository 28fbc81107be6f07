import { asText } from './as-text';
import { CORE_TASK_ENDPOINTS } from '../../src/validation/network-rules';
import * as placementRules from '../../src/validation/placement-rules';
import { TaskPlacementFacts, hasNoInternetRoute } from '../../src/validation/placement-rules';

const { checkExecEndpoint, checkIsolatedSubnetEndpoints, checkPublicSubnetPublicIp, checkSecretEndpoints } = asText(placementRules);

const CORE = CORE_TASK_ENDPOINTS;
const nat: TaskPlacementFacts = { topology: 'PRIVATE_WITH_NAT', publicSubnets: 0, isolatedSubnets: 0, assignPublicIp: false, endpoints: [] };
const isolated: TaskPlacementFacts = { topology: 'PRIVATE_ISOLATED', publicSubnets: 0, isolatedSubnets: 2, assignPublicIp: false, endpoints: CORE };
const isolatedOnly: TaskPlacementFacts = { ...isolated, topology: 'ISOLATED_ONLY' };
const publicIp: TaskPlacementFacts = { topology: 'PUBLIC_ONLY', publicSubnets: 2, isolatedSubnets: 0, assignPublicIp: true, endpoints: [] };
const publicNoIp: TaskPlacementFacts = { topology: 'PRIVATE_WITH_NAT', publicSubnets: 2, isolatedSubnets: 0, assignPublicIp: false, endpoints: [] };

describe('placement rules', () => {
  test('internet route', () => {
    expect(hasNoInternetRoute(nat)).toBe(false);
    expect(hasNoInternetRoute(publicIp)).toBe(false);
    expect(hasNoInternetRoute(isolated)).toBe(true);
    expect(hasNoInternetRoute(isolatedOnly)).toBe(true);
    expect(hasNoInternetRoute(publicNoIp)).toBe(true);
  });
  test('public subnet needs a public IP', () => {
    expect(checkPublicSubnetPublicIp(publicIp)).toBeUndefined();
    expect(checkPublicSubnetPublicIp(nat)).toBeUndefined();
    expect(checkPublicSubnetPublicIp({ ...publicNoIp, endpoints: CORE })).toBeUndefined();
    expect(checkPublicSubnetPublicIp(publicNoIp)).toMatch(/taskSubnets select 2 public subnet\(s\) but topology PRIVATE_WITH_NAT gives tasks no public IP .*CannotPullContainerError.*Fix: use topology PUBLIC_ONLY/);
  });
  test('isolated subnets need the core endpoints', () => {
    expect(checkIsolatedSubnetEndpoints(isolated)).toBeUndefined();
    expect(checkIsolatedSubnetEndpoints(nat)).toBeUndefined();
    expect(checkIsolatedSubnetEndpoints({ ...isolated, topology: 'PRIVATE_WITH_NAT', endpoints: ['S3'] }))
      .toMatch(/taskSubnets select 2 isolated subnet\(s\) .* lacks VPC endpoints ECR_API, ECR_DOCKER, CLOUDWATCH_LOGS; .*Fix: create the endpoints/);
  });
  test('in a topology without internet route the network reports the missing endpoints (FGK-ENDPOINTS-FOR-TOPOLOGY), not each workload again', () => {
    for (const topology of ['PRIVATE_ISOLATED', 'ISOLATED_ONLY']) {
      expect(checkIsolatedSubnetEndpoints({ ...isolated, topology, endpoints: [] })).toBeUndefined();
      expect(checkPublicSubnetPublicIp({ ...publicNoIp, topology })).toBeUndefined();
    }
    // the other topologies do not check the endpoints of the network: the workload does
    expect(checkIsolatedSubnetEndpoints({ ...isolated, topology: 'PUBLIC_ONLY', endpoints: [] })).toMatch(/^\[FGK-ISOLATED-SUBNET-ENDPOINTS\]/);
  });
  test('secrets need their endpoint without an internet route', () => {
    expect(checkSecretEndpoints(nat, ['SECRETS_MANAGER'])).toBeUndefined();
    expect(checkSecretEndpoints(isolated, [])).toBeUndefined();
    expect(checkSecretEndpoints({ ...isolated, endpoints: [...CORE, 'SECRETS_MANAGER'] }, ['SECRETS_MANAGER'])).toBeUndefined();
    expect(checkSecretEndpoints(isolated, ['SECRETS_MANAGER', 'SSM']))
      .toMatch(/read secrets through SECRETS_MANAGER, SSM, .*ResourceInitializationError. Fix: .*vpcEndpoints: \[VpcEndpointService.SECRETS_MANAGER, VpcEndpointService.SSM\]/);
  });
  test('ECS Exec needs ssmmessages without an internet route', () => {
    expect(checkExecEndpoint(false, isolated)).toBeUndefined();
    expect(checkExecEndpoint(true, nat)).toBeUndefined();
    expect(checkExecEndpoint(true, { ...isolated, endpoints: [...CORE, 'SSM_MESSAGES'] })).toBeUndefined();
    expect(checkExecEndpoint(true, isolated)).toMatch(/enableExecuteCommand is true, but .* lacks the SSM_MESSAGES .*Fix: add it to the network/);
  });
});

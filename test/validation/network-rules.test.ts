import { Token } from 'aws-cdk-lib';
import { asText } from './as-text';
import { VpcEndpointService, VpcTopology } from '../../src';
import * as networkRules from '../../src/validation/network-rules';
import { CORE_TASK_ENDPOINTS, NO_INTERNET_TOPOLOGIES } from '../../src/validation/network-rules';

const { checkEndpointsForTopology, checkMaxAzs, checkNatGateways, checkVpcCidr } = asText(networkRules);

describe('checkMaxAzs', () => {
  test.each([1, 2, 6])('valid: %p', n => expect(checkMaxAzs(n)).toBeUndefined());
  test.each([0, -1, 1.5])('invalid: %p', n => expect(checkMaxAzs(n)).toMatch(`maxAzs ${n} is not valid`));
  test('token: rejected, the layout is built at synth', () => expect(checkMaxAzs(Token.asNumber({ Ref: 'X' }))).toMatch(/^\[FGK-MAX-AZS\] maxAzs is a token/));
});

describe('checkNatGateways', () => {
  test.each([
    [VpcTopology.PRIVATE_WITH_NAT, undefined, 2],
    [VpcTopology.PRIVATE_WITH_NAT, 1, 2],
    [VpcTopology.PRIVATE_WITH_NAT, 2, 2],
    [VpcTopology.PUBLIC_ONLY, undefined, 2],
    [VpcTopology.PUBLIC_ONLY, 0, 2],
    [VpcTopology.PRIVATE_ISOLATED, 0, 3],
  ])('valid: %s natGateways=%p azs=%p', (topology, nat, azs) => expect(checkNatGateways(topology, nat, azs)).toBeUndefined());
  test.each([
    [VpcTopology.PRIVATE_WITH_NAT, 0, 2, 'natGateways 0 leaves the private subnets'],
    [VpcTopology.PRIVATE_WITH_NAT, 3, 2, 'natGateways 3 exceeds the 2 availability zones'],
    [VpcTopology.PRIVATE_WITH_NAT, 1.5, 2, 'natGateways 1.5 leaves'],
    [VpcTopology.PRIVATE_ISOLATED, 2, 2, 'topology PRIVATE_ISOLATED has no NAT gateways'],
  ])('invalid: %s natGateways=%p azs=%p', (topology, nat, azs, msg) => expect(checkNatGateways(topology, nat, azs)).toContain(msg));
});

describe('checkEndpointsForTopology', () => {
  test('PRIVATE_ISOLATED with the core endpoints: valid', () => expect(checkEndpointsForTopology(VpcTopology.PRIVATE_ISOLATED, CORE_TASK_ENDPOINTS)).toBeUndefined());
  test('other topologies need none', () => {
    expect(checkEndpointsForTopology(VpcTopology.PRIVATE_WITH_NAT, [])).toBeUndefined();
    expect(checkEndpointsForTopology(VpcTopology.PUBLIC_ONLY, [])).toBeUndefined();
  });
  test('ISOLATED_ONLY needs them too', () =>
    expect(checkEndpointsForTopology(VpcTopology.ISOLATED_ONLY, [])).toMatch(/^\[FGK-[A-Z0-9-]+\] the network lacks VPC endpoints ECR_API, ECR_DOCKER, S3, CLOUDWATCH_LOGS; in topology ISOLATED_ONLY/));
  test('the rules name endpoints and topologies by the values of the enums (validation/ cannot import them)', () => {
    expect(CORE_TASK_ENDPOINTS.filter(e => !Object.values<string>(VpcEndpointService).includes(e))).toEqual([]);
    expect(NO_INTERNET_TOPOLOGIES).toEqual([VpcTopology.PRIVATE_ISOLATED, VpcTopology.ISOLATED_ONLY]);
  });
  test('PRIVATE_ISOLATED without S3: names what is missing', () =>
    expect(checkEndpointsForTopology(VpcTopology.PRIVATE_ISOLATED,
      [VpcEndpointService.ECR_API, VpcEndpointService.ECR_DOCKER, VpcEndpointService.CLOUDWATCH_LOGS]))
      .toMatch(/^\[FGK-[A-Z0-9-]+\] the network lacks VPC endpoints S3;/));
});

describe('checkVpcCidr', () => {
  test.each([undefined, '10.0.0.0/16', '192.168.0.0/28', '172.31.0.0/20'])('valid: %p', c => expect(checkVpcCidr(c)).toBeUndefined());
  test.each(['10.0.0.0/8', '10.0.0.0/29', '300.0.0.0/16', '10.0.0/16', '10.1/16', 'fd00::/56', '10.0.0.0/33', '10.0.0.0'])('invalid: %p', c =>
    expect(checkVpcCidr(c)).toContain(`cidr '${c}' is not a valid VPC block`));
  test('token: rejected, the subnets are carved at synth', () => expect(checkVpcCidr(Token.asString({ Ref: 'Cidr' }))).toMatch(/^\[FGK-VPC-CIDR\] cidr is a token/));
  test('host bits: rejected, not silently rewritten', () => expect(checkVpcCidr('10.0.0.1/16')).toMatch(/\[FGK-VPC-CIDR\] cidr '10.0.0.1\/16' has host bits set; .*Fix: write the network address, '10.0.0.0\/16'/));
  test('too small for the layout', () => expect(checkVpcCidr('10.0.0.0/28', 4)).toMatch(/\[FGK-VPC-CIDR\] cidr '10.0.0.0\/28' is too small for the 4 subnets/));
});

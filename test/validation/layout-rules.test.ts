import { Token } from 'aws-cdk-lib';
import { asText } from './as-text';
import * as layoutRules from '../../src/validation/layout-rules';
import { SUBNET_LAYOUT_AZ_ROOM } from '../../src/validation/layout-rules';

const { checkSubnetLayoutRoom } = asText(layoutRules);

describe('checkSubnetLayoutRoom', () => {
  test.each([
    [2, 16, true], [SUBNET_LAYOUT_AZ_ROOM, 16, true], [3, 21, true], [2, 23, false],
  ])('valid: maxAzs %p in a /%p (lb-only group %p)', (azs, prefix, lbOnly) => expect(checkSubnetLayoutRoom(azs, prefix, lbOnly)).toBeUndefined());
  test('more AZs than the layout has slots for: refused with the fix', () =>
    expect(checkSubnetLayoutRoom(9, 16, true)).toMatch(/maxAzs 9 exceeds the subnet layout's room; .*slots for 8 AZs\. Fix: set maxAzs to 8 or fewer, or lay out an ec2.Vpc yourself and use FargateVpc.fromVpc/));
  test.each([[22, true, '/21'], [24, false, '/23']])('a /%p VPC is too small (lb-only group %p)', (prefix, lbOnly, fix) =>
    expect(checkSubnetLayoutRoom(2, prefix, lbOnly)).toContain(`Fix: use a VPC of ${fix} or larger`));
  test('token: skipped', () => expect(checkSubnetLayoutRoom(Token.asNumber({ Ref: 'X' }), 16, true)).toBeUndefined());
});

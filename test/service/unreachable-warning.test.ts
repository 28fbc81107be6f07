import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { fixture } from './helpers';
import { AlbFrontedService, FargateService, FargateTaskDef, VpcTopology } from '../../src';
import { separateIngressReader } from '../../src/shared/stack-index';
import { imageFor } from '../images';

const WARNING = Match.stringLikeRegexp('listen on port\\(s\\) 8080, but no security group rule');

/** The paths of the services warned about as unreachable. */
function warned(stack: Stack): string[] {
  return Annotations.fromStack(stack).findWarning('*', WARNING).map(w => w.id);
}

describe('cdk-fargate-kit:unreachablePublicService', () => {
  test('fires for each public service that nothing reaches, never for one a rule or a load balancer reaches', () => {
    const { stack, network, taskDef } = fixture(VpcTopology.PUBLIC_ONLY);
    const service = (id: string) => {
      const td = new FargateTaskDef(stack, `${id}Task`);
      td.addAppContainer('web', { image: imageFor(stack, VpcTopology.PUBLIC_ONLY), ports: [8080] });
      return new FargateService(stack, id, { network, taskDef: td });
    };
    service('Lonely1');
    service('Lonely2');
    // an inline rule (a CIDR peer)
    service('ByCidr').allowFrom(ec2.Peer.ipv4('203.0.113.0/24'), 8080);
    // a separate rule under the group (a security group peer)
    const clients = new ec2.SecurityGroup(stack, 'Clients', { vpc: network.vpc });
    service('ByGroup').allowFrom(clients, 8080);
    // a hand-written rule elsewhere in the stack
    const byL1 = service('ByL1');
    new ec2.CfnSecurityGroupIngress(stack, 'HandWritten', {
      groupId: byL1.securityGroup.securityGroupId, ipProtocol: 'tcp', fromPort: 8080, toPort: 8080, cidrIp: '198.51.100.0/24',
    });
    // a load balancer in front
    new AlbFrontedService(stack, 'Fronted', { network, taskDef });
    expect(warned(stack).sort()).toEqual(['/Stack/Lonely1', '/Stack/Lonely2']);
  });

  test('a service with no port is not warned about', () => {
    const { stack, network } = fixture(VpcTopology.PUBLIC_ONLY);
    const td = new FargateTaskDef(stack, 'Worker');
    td.addAppContainer('worker', { image: imageFor(stack, VpcTopology.PUBLIC_ONLY) });
    new FargateService(stack, 'Svc', { network, taskDef: td });
    expect(warned(stack)).toEqual([]);
  });
});

describe('the stack index of separate ingress rules', () => {
  test('is read again at every synth, so a rule added after one synth counts at the next', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 0, restrictDefaultSecurityGroup: false });
    const group = new ec2.SecurityGroup(stack, 'Group', { vpc });
    const hasSeparateIngress = separateIngressReader(stack);
    expect(hasSeparateIngress(group.securityGroupId)).toBe(false);
    app.synth({ force: true });
    expect(hasSeparateIngress(group.securityGroupId)).toBe(false);
    new ec2.CfnSecurityGroupIngress(stack, 'Rule', { groupId: group.securityGroupId, ipProtocol: 'tcp', fromPort: 1, toPort: 1, cidrIp: '10.0.0.0/8' });
    expect(hasSeparateIngress(group.securityGroupId)).toBe(false); // read once per synth
    app.synth({ force: true });
    expect(hasSeparateIngress(group.securityGroupId)).toBe(true);
  });
});

import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { FargateNetworkFromVpcProps, IFargateNetwork } from './network';
import { defaultLoadBalancerSubnets, defaultTaskSubnets } from './subnets';
import { VpcEndpointService, VpcTopology } from './topology';
import { reportProblems } from '../validation/errors';
import { SUBNET_SELECTION, checkEndpointsForTopology } from '../validation/network-rules';

/**
 * An existing VPC adapted to `IFargateNetwork` (see `FargateVpc.fromVpc`).
 */
export class ImportedFargateNetwork extends Construct implements IFargateNetwork {
  public readonly vpc: ec2.IVpc;
  public readonly topology: VpcTopology;
  public readonly taskSubnets: ec2.SubnetSelection;
  public readonly loadBalancerSubnets: ec2.SubnetSelection;
  public readonly assignPublicIp: boolean;
  public readonly availabilityZones: string[];
  public readonly vpcEndpoints: VpcEndpointService[];

  constructor(scope: Construct, id: string, props: FargateNetworkFromVpcProps) {
    super(scope, id);
    this.vpc = props.vpc;
    this.topology = props.topology;
    this.assignPublicIp = props.topology === VpcTopology.PUBLIC_ONLY;
    this.vpcEndpoints = [...(props.vpcEndpoints ?? [])];

    // a selection of no subnets is reported at synth with the other problems, and replaced by
    // an empty list of subnets, which the constructs using the network accept without a crash
    const taskSubnets = props.taskSubnets ?? defaultTaskSubnets(props.topology);
    const loadBalancerSubnets = props.loadBalancerSubnets ?? defaultLoadBalancerSubnets(props.topology);
    const tasks = this.select('taskSubnets', taskSubnets);
    const loadBalancers = this.select('loadBalancerSubnets', loadBalancerSubnets);
    this.taskSubnets = tasks === undefined ? { subnets: [] } : taskSubnets;
    this.loadBalancerSubnets = loadBalancers === undefined ? { subnets: [] } : loadBalancerSubnets;
    this.availabilityZones = (tasks && knownAzs(tasks)) ?? [];
    reportProblems('FargateVpc.fromVpc', this, [checkEndpointsForTopology(this.topology, this.vpcEndpoints)]);
  }

  /** Selects subnets; "no such subnets" is reported (at synth) with how to fix it, and gives `undefined`. */
  private select(propName: string, selection: ec2.SubnetSelection): ec2.SelectedSubnets | undefined {
    let selected: ec2.SelectedSubnets;
    try {
      selected = this.vpc.selectSubnets(selection);
    } catch (e) {
      reportProblems('FargateVpc.fromVpc', this, [SUBNET_SELECTION.problem('refused', {
        prop: propName, selection: describeSelection(selection), vpc: this.vpc.node.path, reason: (e as Error).message,
      })]);
      return undefined;
    }
    if (selected.subnets.length === 0) {
      reportProblems('FargateVpc.fromVpc', this, [SUBNET_SELECTION.problem('empty', {
        prop: propName, selection: describeSelection(selection), vpc: this.vpc.node.path,
      })]);
      return undefined;
    }
    return selected;
  }
}

/**
 * The AZs of selected subnets, or `undefined` when a subnet was imported by ID only
 * (`ec2.Subnet.fromSubnetId`): plain aws-ecs accepts those, so the AZ rules are skipped.
 */
export function knownAzs(selected: ec2.SelectedSubnets): string[] | undefined {
  try {
    return selected.availabilityZones;
  } catch {
    return undefined;
  }
}

function describeSelection(selection: ec2.SubnetSelection): string {
  if (selection.subnetType) return `{ subnetType: ${selection.subnetType} }`;
  if (selection.subnetGroupName) return `{ subnetGroupName: '${selection.subnetGroupName}' }`;
  if (selection.subnets) return `{ subnets: [${selection.subnets.length} subnets] }`;
  return JSON.stringify(selection);
}

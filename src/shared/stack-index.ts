import { CfnResource, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';

/** What is read from a whole stack at synth, once per synth for every construct that asks. */
interface StackIndex {
  /** The resolved `GroupId` (as JSON) of every `AWS::EC2::SecurityGroupIngress` resource. */
  ingressGroupIds?: Set<string>;
  /** The CloudFormation types of the resources, by logical ID. */
  typesByLogicalId?: Map<string, Set<string>>;
}

const INDEXES = new WeakMap<Stack, StackIndex>();

function indexOf(stack: Stack): StackIndex {
  let index = INDEXES.get(stack);
  if (index === undefined) {
    const created: StackIndex = {};
    index = created;
    INDEXES.set(stack, created);
    // validations run parent first: the stack's own forgets the index at the start of every
    // synth, before any construct of the stack reads it, so each synth reads the tree it has
    stack.node.addValidation({
      validate: () => {
        created.ingressGroupIds = undefined;
        created.typesByLogicalId = undefined;
        return [];
      },
    });
  }
  return index;
}

/**
 * Call while building: the index of `stack` is then forgotten at the start of every synth.
 * Returns the reader to use at synth: whether a separate ingress rule
 * (`AWS::EC2::SecurityGroupIngress`, anywhere in `stack`, nested stacks included) targets
 * the security group with ID `groupId`. The stack is scanned once per synth, however many
 * constructs ask.
 */
export function separateIngressReader(stack: Stack): (groupId: string) => boolean {
  const index = indexOf(stack);
  return groupId => {
    if (index.ingressGroupIds === undefined) {
      const ids = new Set<string>();
      for (const c of stack.node.findAll()) {
        if (c instanceof ec2.CfnSecurityGroupIngress) ids.add(JSON.stringify(stack.resolve(c.groupId)));
      }
      index.ingressGroupIds = ids;
    }
    return index.ingressGroupIds.has(JSON.stringify(stack.resolve(groupId)));
  };
}

/**
 * The CloudFormation types of the resources with logical ID `logicalId` in `stack` (nested
 * stacks included; empty when there is none). The stack is scanned once per synth however
 * many constructs ask, and again only when an ID is not found (a resource added since).
 */
export function resourceTypesOf(stack: Stack, logicalId: string): ReadonlySet<string> {
  const index = indexOf(stack);
  let types = index.typesByLogicalId?.get(logicalId);
  if (types === undefined) {
    const all = new Map<string, Set<string>>();
    for (const c of stack.node.findAll()) {
      if (!CfnResource.isCfnResource(c)) continue;
      const id = stack.resolve(c.logicalId) as string;
      all.set(id, (all.get(id) ?? new Set<string>()).add(c.cfnResourceType));
    }
    index.typesByLogicalId = all;
    types = all.get(logicalId);
  }
  return types ?? new Set<string>();
}

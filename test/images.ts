import { Stack } from 'aws-cdk-lib';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { IConstruct } from 'constructs';
import { VpcTopology } from '../src';

/** An image of a public registry: fine where tasks have an internet route (NAT or public IP). */
export const PUBLIC_IMAGE = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:latest');

/**
 * An image of a private ECR repository of the stack's account (the repository imported by
 * name, one per stack and name): what tasks without an internet route can pull.
 */
export function privateEcrImage(scope: IConstruct, repositoryName = 'web', tag = 'v1'): ecs.ContainerImage {
  const stack = Stack.of(scope);
  const id = `Repository-${repositoryName.replace(/[^A-Za-z0-9]/g, '-')}`;
  const repository = stack.node.tryFindChild(id) as ecr.IRepository | undefined
    ?? ecr.Repository.fromRepositoryName(stack, id, repositoryName);
  return ecs.ContainerImage.fromEcrRepository(repository, tag);
}

/** Whether tasks of the topology have no internet route (VPC endpoints only). */
export function isIsolated(topology: VpcTopology | undefined): boolean {
  return topology === VpcTopology.PRIVATE_ISOLATED || topology === VpcTopology.ISOLATED_ONLY;
}

/** The image a test's task uses in a network of the topology: private ECR where tasks have no internet route. */
export function imageFor(scope: IConstruct, topology: VpcTopology | undefined): ecs.ContainerImage {
  return isIsolated(topology) ? privateEcrImage(scope) : PUBLIC_IMAGE;
}

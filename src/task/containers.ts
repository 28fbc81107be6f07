import { Stack } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { IConstruct } from 'constructs';
import { ContainerImageFact, TOKEN_PART } from '../validation/image-rules';

/**
 * Every container of a task definition, in the order they were added — also those added
 * directly through `taskDefinition.addContainer`, so that checks read the real L2 containers.
 */
export function containersOf(taskDefinition: IConstruct): ecs.ContainerDefinition[] {
  return taskDefinition.node.children.filter((c): c is ecs.ContainerDefinition => c instanceof ecs.ContainerDefinition);
}

/**
 * A container's definition as aws-cdk-lib renders it into the template, through its public
 * `renderContainerDefinition()` (values unresolved: tokens stay tokens), or `undefined` when
 * aws-cdk-lib refuses to render it (e.g. a health check out of range, which a rule reports).
 */
export function renderedContainer(c: ecs.ContainerDefinition): ecs.CfnTaskDefinition.ContainerDefinitionProperty | undefined {
  try {
    return c.renderContainerDefinition();
  } catch {
    return undefined;
  }
}

/** The image reference of every container of the task, as the rules read it (unresolved parts as `(token)`). */
export function containerImagesOf(taskDefinition: IConstruct): ContainerImageFact[] {
  const stack = Stack.of(taskDefinition);
  return containersOf(taskDefinition).map(c => ({ container: c.containerName, image: flattenReference(stack.resolve(c.imageName)) }));
}

/**
 * A resolved CloudFormation string as text: literal parts kept, every reference written as
 * `(token)` (`{ 'Fn::Join': ['', [{ Ref: 'AWS::AccountId' }, '.dkr.ecr.', ...]] }` →
 * `(token).dkr.ecr....`).
 */
export function flattenReference(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const join = o['Fn::Join'];
    if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) {
      return (join[1] as unknown[]).map(flattenReference).join(join[0]);
    }
    const sub = o['Fn::Sub'];
    const template = Array.isArray(sub) ? sub[0] : sub;
    if (typeof template === 'string') return template.replace(/\$\{[^}]*\}/g, TOKEN_PART);
  }
  return TOKEN_PART;
}

import { TaskPlacementFacts, hasNoInternetRoute } from './placement-rules';
import { Problem, defineRule } from './rule';

/**
 * What stands for an unresolved part (a CloudFormation reference) in an image reference
 * the rules read: `(token).dkr.ecr.(token).(token)/web:v1` for
 * `ContainerImage.fromEcrRepository(Repository.fromRepositoryName(...))`.
 */
export const TOKEN_PART = '(token)';

/** Where an image is pulled from, as far as a network without internet route is concerned. */
export type ImageRegistry =
  /** A private ECR registry (`<account>.dkr.ecr.<region>.amazonaws.com`): the ECR VPC endpoints serve it. */
  | 'private-ecr'
  /** Any other registry (Docker Hub, ECR Public, ghcr.io, quay.io, ...): only an internet route reaches it. */
  | 'other'
  /** The registry is a token (e.g. a CfnParameter): not known at synth. */
  | 'unknown';

const T = TOKEN_PART.replace(/[()]/g, '\\$&');
/**
 * The IPv4 host of private ECR (also FIPS, and the China partition), each part literal or a
 * token: the only registry host the `ecr.dkr` interface endpoint answers for. ECR's
 * dual-stack hosts (`dkr-ecr.<region>.on.aws`) are not served through PrivateLink
 * (https://docs.aws.amazon.com/AmazonECR/latest/userguide/ecr-requests.html), and ECR Public
 * has no VPC endpoint (https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html).
 */
const PRIVATE_ECR_HOST = new RegExp(`^(\\d{12}|${T})\\.dkr\\.ecr(-fips)?\\.([a-z0-9-]+|${T})\\.(amazonaws\\.com(\\.cn)?|${T})$`);

/**
 * The registry host of an image reference (Docker's rules: the first path component is a
 * host when it has a `.` or a `:` or is `localhost`; otherwise the image is on Docker Hub),
 * and which kind of registry it is. `reference` has its unresolved parts written as
 * `TOKEN_PART`.
 */
export function imageRegistry(reference: string): { readonly host: string; readonly registry: ImageRegistry } {
  const slash = reference.indexOf('/');
  const first = slash < 0 ? undefined : reference.slice(0, slash);
  const isHost = first !== undefined && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (!isHost) {
    // no registry host: Docker Hub, unless a token in the first component (or, without a
    // '/', in the name before its tag or digest) may hide a host
    const name = first ?? reference.split(/[:@]/)[0];
    if (name.includes(TOKEN_PART)) return { host: name, registry: 'unknown' };
    return { host: 'docker.io', registry: 'other' };
  }
  if (PRIVATE_ECR_HOST.test(first)) return { host: first, registry: 'private-ecr' };
  // a host built from tokens in another shape cannot be classified at synth
  if (first.includes(TOKEN_PART)) return { host: first, registry: 'unknown' };
  return { host: first, registry: 'other' };
}

/** A container and its image reference, unresolved parts written as `TOKEN_PART`. */
export interface ContainerImageFact {
  /** The container name. */
  readonly container: string;
  /** The image reference (`nginx:1.27`, `public.ecr.aws/nginx/nginx`, `(token).dkr.ecr...`). */
  readonly image: string;
}

/** FGK-IMAGE-REGISTRY: without an internet route, images come from private ECR. */
export const IMAGE_REGISTRY = defineRule<{ container: string; image: string; where: string; topology: string }>({
  id: 'FGK-IMAGE-REGISTRY',
  acknowledgeable: true,
  checkedBy: 'FargateService, FargateTask',
  fact: 'Tasks without an internet route pull images from private ECR only (<account>.dkr.ecr.<region>.amazonaws.com): VPC endpoints serve no other registry, ECR Public included. Acknowledge it when the tasks reach the registry through a proxy of your own.',
  source: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/vpc-endpoints.html',
  message: d => `container '${d.container}' image '${d.image}' is pulled from ${d.where}, but the task subnets have no internet route (topology ${d.topology}); VPC endpoints reach private ECR (<account>.dkr.ecr.<region>.amazonaws.com) only, so the task stops with CannotPullContainerError.`,
  fix: () => 'push or mirror the image to a private ECR repository (ContainerImage.fromEcrRepository, or fromAsset), or reference it through an ECR pull-through cache rule (<account>.dkr.ecr.<region>.amazonaws.com/<prefix>/...; AWS documents that the first pull through the cache needs an internet route), or use topology PRIVATE_WITH_NAT; if the tasks reach the registry another way (a proxy of your own), acknowledge the rule: Validations.of(service).acknowledge({ id: \'cdk-fargate-kit::FGK-IMAGE-REGISTRY\', reason }).',
  examples: {
    nonCompliant: `const isolated = new FargateVpc(stack, 'AppVpc', { topology: VpcTopology.PRIVATE_ISOLATED });
const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });
new FargateService(stack, 'Service', { network: isolated, taskDef });`,
    compliant: `const isolated = new FargateVpc(stack, 'AppVpc', { topology: VpcTopology.PRIVATE_ISOLATED });
const repository = ecr.Repository.fromRepositoryName(stack, 'Repo', 'web');
const taskDef = new FargateTaskDef(stack, 'Task');
taskDef.addAppContainer('app', { image: ecs.ContainerImage.fromEcrRepository(repository, 'v1') });
new FargateService(stack, 'Service', { network: isolated, taskDef });`,
  },
});

/**
 * Tasks without an internet route reach AWS through VPC endpoints only, and those serve
 * private ECR only: an image of any other registry (Docker Hub, ECR Public, ghcr.io, quay.io,
 * a registry of your own) cannot be pulled, and the task stops with CannotPullContainerError.
 * One problem per such container.
 */
export function checkImageRegistries(f: TaskPlacementFacts, images: readonly ContainerImageFact[]): Problem[] {
  if (!hasNoInternetRoute(f)) return [];
  const problems: Problem[] = [];
  for (const { container, image } of images) {
    const { host, registry } = imageRegistry(image);
    if (registry !== 'other') continue;
    const where = ['docker.io', 'index.docker.io', 'registry-1.docker.io'].includes(host) ? `Docker Hub (${host})` : `registry ${host}`;
    problems.push(IMAGE_REGISTRY.problem({ container, image, where, topology: f.topology }));
  }
  return problems;
}

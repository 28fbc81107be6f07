import { asText } from './as-text';
import * as imageRules from '../../src/validation/image-rules';
import { imageRegistry } from '../../src/validation/image-rules';
import { CORE_TASK_ENDPOINTS } from '../../src/validation/network-rules';
import { TaskPlacementFacts } from '../../src/validation/placement-rules';

const { checkImageRegistries } = asText(imageRules);

const isolated: TaskPlacementFacts = { topology: 'PRIVATE_ISOLATED', publicSubnets: 0, isolatedSubnets: 2, assignPublicIp: false, endpoints: CORE_TASK_ENDPOINTS };
const nat: TaskPlacementFacts = { topology: 'PRIVATE_WITH_NAT', publicSubnets: 0, isolatedSubnets: 0, assignPublicIp: false, endpoints: [] };
const publicIp: TaskPlacementFacts = { topology: 'PUBLIC_ONLY', publicSubnets: 2, isolatedSubnets: 0, assignPublicIp: true, endpoints: [] };

describe('image registries', () => {
  test.each([
    // Docker Hub: no registry host
    ['nginx', 'docker.io', 'other'],
    ['nginx:1.27', 'docker.io', 'other'],
    ['library/nginx', 'docker.io', 'other'],
    ['bitnami/redis:7.2', 'docker.io', 'other'],
    ['nginx@sha256:0123456789abcdef', 'docker.io', 'other'],
    // other registries
    ['docker.io/library/nginx', 'docker.io', 'other'],
    ['registry-1.docker.io/library/nginx', 'registry-1.docker.io', 'other'],
    ['public.ecr.aws/nginx/nginx:latest', 'public.ecr.aws', 'other'],
    ['ghcr.io/org/app:1', 'ghcr.io', 'other'],
    ['quay.io/prometheus/node-exporter', 'quay.io', 'other'],
    ['mcr.microsoft.com/windows/servercore:ltsc2022', 'mcr.microsoft.com', 'other'],
    ['localhost/app', 'localhost', 'other'],
    ['registry.internal:5000/app', 'registry.internal:5000', 'other'],
    // ECR's dual-stack host is not served through PrivateLink
    ['123456789012.dkr-ecr.us-east-1.on.aws/web:1', '123456789012.dkr-ecr.us-east-1.on.aws', 'other'],
    // a look-alike host
    ['123456789012.dkr.ecr.us-east-1.amazonaws.com.evil.io/web', '123456789012.dkr.ecr.us-east-1.amazonaws.com.evil.io', 'other'],
    // private ECR, literal or built from references
    ['123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1', '123456789012.dkr.ecr.us-east-1.amazonaws.com', 'private-ecr'],
    ['123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com/web', '123456789012.dkr.ecr-fips.us-gov-west-1.amazonaws.com', 'private-ecr'],
    ['123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn/web', '123456789012.dkr.ecr.cn-north-1.amazonaws.com.cn', 'private-ecr'],
    ['123456789012.dkr.ecr.eu-west-1.amazonaws.com/ecr-public/nginx/nginx:stable', '123456789012.dkr.ecr.eu-west-1.amazonaws.com', 'private-ecr'],
    ['(token).dkr.ecr.(token).(token)/web:v1', '(token).dkr.ecr.(token).(token)', 'private-ecr'],
    ['123456789012.dkr.ecr.us-east-1.(token)/x:latest', '123456789012.dkr.ecr.us-east-1.(token)', 'private-ecr'],
    // unknown at synth: no rule applies
    ['(token)', '(token)', 'unknown'],
    ['(token):1', '(token)', 'unknown'],
    ['(token)/app:1', '(token)', 'unknown'],
    ['(token).example.com/app', '(token).example.com', 'unknown'],
    // a token in the tag or the repository path leaves the registry known
    ['nginx:(token)', 'docker.io', 'other'],
    ['library/(token)', 'docker.io', 'other'],
    ['public.ecr.aws/(token):1', 'public.ecr.aws', 'other'],
  ])('%s: host %s, %s', (reference, host, registry) => {
    expect(imageRegistry(reference)).toEqual({ host, registry });
  });
});

describe('FGK-IMAGE-REGISTRY', () => {
  const images = [
    { container: 'web', image: 'nginx:1.27' },
    { container: 'sidecar', image: 'public.ecr.aws/aws-observability/aws-otel-collector:latest' },
    { container: 'app', image: '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1' },
    { container: 'param', image: '(token)' },
  ];

  test('in a network without internet route: one problem per container of another registry, with container, image, registry, rule ID and fix', () => {
    const problems = checkImageRegistries(isolated, images);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^\[FGK-IMAGE-REGISTRY\] container 'web' image 'nginx:1\.27' is pulled from Docker Hub \(docker\.io\), but the task subnets have no internet route \(topology PRIVATE_ISOLATED\).*CannotPullContainerError\. Fix: .*private ECR repository.*pull-through cache rule.*PRIVATE_WITH_NAT.*cdk-fargate-kit::FGK-IMAGE-REGISTRY/);
    expect(problems[1]).toMatch(/^\[FGK-IMAGE-REGISTRY\] container 'sidecar' image 'public\.ecr\.aws\/aws-observability\/aws-otel-collector:latest' is pulled from registry public\.ecr\.aws,/);
  });

  test('ISOLATED_ONLY, and a public subnet without public IP, have no internet route either', () => {
    expect(checkImageRegistries({ ...isolated, topology: 'ISOLATED_ONLY' }, images)[0]).toMatch(/\(topology ISOLATED_ONLY\)/);
    expect(checkImageRegistries({ ...publicIp, assignPublicIp: false, endpoints: CORE_TASK_ENDPOINTS }, images)).toHaveLength(2);
  });

  test('with an internet route (NAT, public IP) every registry is reachable', () => {
    expect(checkImageRegistries(nat, images)).toEqual([]);
    expect(checkImageRegistries(publicIp, images)).toEqual([]);
  });

  test('private ECR only: nothing to report', () => {
    expect(checkImageRegistries(isolated, [images[2]])).toEqual([]);
  });
});

// Boundary tests that kill the mutants Stryker left alive in image-rules.ts.
describe('image-rules boundaries (mutation testing)', () => {
  test.each(['index.docker.io', 'registry-1.docker.io', 'docker.io'])('%s is named as Docker Hub', host => {
    expect(checkImageRegistries(isolated, [{ container: 'web', image: `${host}/library/nginx` }])[0])
      .toContain(`is pulled from Docker Hub (${host}),`);
  });

  test('a reference that starts with / has an empty first component: no registry host, so Docker Hub', () => {
    expect(imageRegistry('/(token)')).toEqual({ host: 'docker.io', registry: 'other' });
  });
});

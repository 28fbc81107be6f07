import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { App, CfnParameter, Stack, Validations } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import {
  FargateService, FargateTask, FargateTaskDef, FargateVpc, IFargateNetwork, VpcEndpointService, VpcTopology,
} from '../../src';

/** A stack with a network of the topology and a task whose one container has `image`. */
function build(topology: VpcTopology, image: ecs.ContainerImage | ((stack: Stack) => ecs.ContainerImage)) {
  const app = new App();
  const stack = new Stack(app, 'S');
  const network = new FargateVpc(stack, 'Net', { topology, flowLogs: false });
  const taskDef = new FargateTaskDef(stack, 'Task');
  taskDef.addAppContainer('web', { image: typeof image === 'function' ? image(stack) : image, ports: [8080] });
  return { app, stack, network, taskDef };
}

function synthError(app: App): string {
  try {
    app.synth();
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}

const hub = ecs.ContainerImage.fromRegistry('nginx:1.27');

describe('FGK-IMAGE-REGISTRY: tasks without an internet route pull from private ECR only', () => {
  test.each([
    [VpcTopology.PRIVATE_ISOLATED, 'nginx:1.27', 'Docker Hub \\(docker\\.io\\)'],
    [VpcTopology.PRIVATE_ISOLATED, 'library/nginx', 'Docker Hub \\(docker\\.io\\)'],
    [VpcTopology.PRIVATE_ISOLATED, 'docker.io/library/nginx:1.27', 'Docker Hub \\(docker\\.io\\)'],
    [VpcTopology.PRIVATE_ISOLATED, 'public.ecr.aws/nginx/nginx:latest', 'registry public\\.ecr\\.aws'],
    [VpcTopology.ISOLATED_ONLY, 'ghcr.io/org/app:1', 'registry ghcr\\.io'],
    [VpcTopology.ISOLATED_ONLY, 'quay.io/prometheus/node-exporter', 'registry quay\\.io'],
  ])('%s, image %s: an error with path, value, rule ID and fix', (topology, image, where) => {
    const { app, stack, network, taskDef } = build(topology, ecs.ContainerImage.fromRegistry(image));
    new FargateService(stack, 'Svc', { network, taskDef });
    const error = synthError(app);
    const quoted = image.replace(/[.]/g, '\\.');
    expect(error).toMatch(new RegExp(`FargateService S/Svc: \\[FGK-IMAGE-REGISTRY\\] container 'web' image '${quoted}' is pulled from ${where}, but the task subnets have no internet route \\(topology ${topology}\\).* Fix: push or mirror the image to a private ECR repository`));
    // the only problem of this tree
    expect(error.split('\n').filter(l => l.includes('[FGK-'))).toHaveLength(1);
  });

  test('with a NAT or a public IP, a public image is fine', () => {
    for (const topology of [VpcTopology.PRIVATE_WITH_NAT, VpcTopology.PUBLIC_ONLY]) {
      const { app, stack, network, taskDef } = build(topology, hub);
      new FargateService(stack, 'Svc', { network, taskDef });
      expect(synthError(app)).toBe('');
    }
  });

  test('private ECR images synthesize: a repository of the stack, one imported by name or ARN, an image asset', () => {
    const assetDir = mkdtempSync(join(tmpdir(), 'fgk-asset-'));
    writeFileSync(join(assetDir, 'Dockerfile'), 'FROM scratch\n');
    const images: Array<(stack: Stack) => ecs.ContainerImage> = [
      stack => ecs.ContainerImage.fromEcrRepository(new ecr.Repository(stack, 'Repo')),
      stack => ecs.ContainerImage.fromEcrRepository(ecr.Repository.fromRepositoryName(stack, 'Repo', 'ecr-public/nginx/nginx'), 'stable'),
      stack => ecs.ContainerImage.fromEcrRepository(ecr.Repository.fromRepositoryArn(stack, 'Repo', 'arn:aws:ecr:us-east-1:123456789012:repository/web')),
      () => ecs.ContainerImage.fromRegistry('123456789012.dkr.ecr.us-east-1.amazonaws.com/web:1'),
      () => ecs.ContainerImage.fromAsset(assetDir),
    ];
    for (const image of images) {
      const { app, stack, network, taskDef } = build(VpcTopology.PRIVATE_ISOLATED, image);
      new FargateService(stack, 'Svc', { network, taskDef });
      expect(synthError(app)).toBe('');
    }
  });

  test('an image name from a CfnParameter is not known at synth: not reported', () => {
    const { app, stack, network, taskDef } = build(VpcTopology.PRIVATE_ISOLATED, s => ecs.ContainerImage.fromRegistry(new CfnParameter(s, 'Image').valueAsString));
    new FargateService(stack, 'Svc', { network, taskDef });
    expect(synthError(app)).toBe('');
  });

  test('every container is checked, also one added with taskDefinition.addContainer, each reported once', () => {
    const { app, stack, network, taskDef } = build(VpcTopology.PRIVATE_ISOLATED, s => ecs.ContainerImage.fromEcrRepository(new ecr.Repository(s, 'Repo')));
    taskDef.taskDefinition.addContainer('otel', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/aws-observability/aws-otel-collector:latest') });
    taskDef.addAppContainer('proxy', { image: hub, ports: [9090] });
    new FargateService(stack, 'Svc', { network, taskDef });
    const lines = synthError(app).split('\n').filter(l => l.includes('[FGK-'));
    expect(lines).toEqual([
      expect.stringMatching(/FargateService S\/Svc: \[FGK-IMAGE-REGISTRY\] container 'otel' image 'public\.ecr\.aws\/aws-observability\/aws-otel-collector:latest'/),
      expect.stringMatching(/FargateService S\/Svc: \[FGK-IMAGE-REGISTRY\] container 'proxy' image 'nginx:1\.27'/),
    ]);
  });

  test('FargateTask (a scheduled job) in an isolated network', () => {
    const { app, stack, network, taskDef } = build(VpcTopology.ISOLATED_ONLY, hub);
    new FargateTask(stack, 'Job', { network, taskDef });
    expect(synthError(app)).toMatch(/FargateTask S\/Job: \[FGK-IMAGE-REGISTRY\] container 'web' image 'nginx:1\.27' is pulled from Docker Hub .*topology ISOLATED_ONLY.*Fix: /);
  });

  describe('FargateVpc.fromVpc', () => {
    function imported(topology: VpcTopology, taskSubnetType: ec2.SubnetType) {
      const app = new App();
      const stack = new Stack(app, 'S');
      const vpc = new ec2.Vpc(stack, 'Vpc', {
        natGateways: topology === VpcTopology.PRIVATE_WITH_NAT ? 1 : 0,
        subnetConfiguration: [
          { name: 'Public', subnetType: ec2.SubnetType.PUBLIC },
          { name: 'Isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
          ...(topology === VpcTopology.PRIVATE_WITH_NAT ? [{ name: 'Private', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS }] : []),
        ],
      });
      const network: IFargateNetwork = FargateVpc.fromVpc(stack, 'Net', {
        vpc,
        topology,
        taskSubnets: { subnetType: taskSubnetType },
        vpcEndpoints: [VpcEndpointService.ECR_API, VpcEndpointService.ECR_DOCKER, VpcEndpointService.S3, VpcEndpointService.CLOUDWATCH_LOGS],
      });
      const taskDef = new FargateTaskDef(stack, 'Task');
      taskDef.addAppContainer('web', { image: hub, ports: [8080] });
      new FargateService(stack, 'Svc', { network, taskDef });
      return synthError(app);
    }

    test('an isolated topology', () => {
      expect(imported(VpcTopology.PRIVATE_ISOLATED, ec2.SubnetType.PRIVATE_ISOLATED)).toMatch(/FargateService S\/Svc: \[FGK-IMAGE-REGISTRY\] container 'web' image 'nginx:1\.27'.*topology PRIVATE_ISOLATED/);
    });

    test('a NAT topology whose task subnets are isolated', () => {
      expect(imported(VpcTopology.PRIVATE_WITH_NAT, ec2.SubnetType.PRIVATE_ISOLATED)).toMatch(/\[FGK-IMAGE-REGISTRY\] container 'web' image 'nginx:1\.27'.*topology PRIVATE_WITH_NAT/);
    });

    test('a NAT topology whose task subnets route to the NAT gateway: fine', () => {
      expect(imported(VpcTopology.PRIVATE_WITH_NAT, ec2.SubnetType.PRIVATE_WITH_EGRESS)).toBe('');
    });
  });

  describe('acknowledged (a pull-through proxy of your own)', () => {
    const reason = 'tasks pull through our registry proxy in the shared services VPC';

    test('on the service: synthesizes, and the synth output shows it as info', () => {
      const { app, stack, network, taskDef } = build(VpcTopology.PRIVATE_ISOLATED, hub);
      const svc = new FargateService(stack, 'Svc', { network, taskDef });
      Validations.of(svc).acknowledge({ id: 'cdk-fargate-kit::FGK-IMAGE-REGISTRY', reason });
      expect(synthError(app)).toBe('');
      Annotations.fromStack(stack).hasInfo('/S/Svc', Match.stringLikeRegexp(`\\[FGK-IMAGE-REGISTRY\\] container 'web' image 'nginx:1\\.27'.*\\[acknowledged: ${reason}\\]`));
    });

    test('on the stack: covers every workload in it', () => {
      const { app, stack, network, taskDef } = build(VpcTopology.PRIVATE_ISOLATED, hub);
      new FargateService(stack, 'Svc', { network, taskDef });
      new FargateTask(stack, 'Job', { network, taskDef });
      Validations.of(stack).acknowledge({ id: 'cdk-fargate-kit::FGK-IMAGE-REGISTRY', reason });
      expect(synthError(app)).toBe('');
    });

    test('another rule\'s acknowledgement does not hide it', () => {
      const { app, stack, network, taskDef } = build(VpcTopology.PRIVATE_ISOLATED, hub);
      const svc = new FargateService(stack, 'Svc', { network, taskDef });
      Validations.of(svc).acknowledge({ id: 'cdk-fargate-kit::FGK-TASK-SIZE', reason });
      expect(synthError(app)).toMatch(/\[FGK-IMAGE-REGISTRY\]/);
    });
  });
});

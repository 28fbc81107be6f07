import { App } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { SCOREKEEP_REGION } from '../../examples/scenarios';
import { PublicOnlyStack } from '../../examples/stacks/public-only';
import { ScorekeepStack } from '../../examples/stacks/scorekeep';

describe('Scorekeep example', () => {
  const stack = new ScorekeepStack(new App(), 'Scorekeep', { env: { region: SCOREKEEP_REGION } });
  const t = Template.fromStack(stack);

  test('the ALB sends / to the frontend on 8080 and /api/* to the API on 5000', () => {
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: { Ref: Match.stringLikeRegexp('^WebTargetGroup[0-9A-F]{8}$') } }],
    });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
      Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/api/*'] } }],
      Actions: [{ Type: 'forward', TargetGroupArn: { Ref: Match.stringLikeRegexp('^WebTargetGroupapi[0-9A-F]{8}$') } }],
    });
    t.hasResourceProperties('AWS::ECS::Service', {
      LoadBalancers: [
        Match.objectLike({ ContainerName: 'scorekeep-frontend', ContainerPort: 8080 }),
        Match.objectLike({ ContainerName: 'scorekeep-api', ContainerPort: 5000 }),
      ],
    });
    const ingress = Object.values(t.findResources('AWS::EC2::SecurityGroupIngress')).map(r => r.Properties.FromPort);
    expect(ingress.sort()).toEqual([5000, 8080]);
  });

  test('the task role reads the table and publishes to the topic, both encrypted', () => {
    t.hasResourceProperties('AWS::DynamoDB::Table', { SSESpecification: { SSEEnabled: true } });
    // SNS's AWS managed key: encrypted, and publishers need no kms:* grant
    t.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp(':alias/aws/sns$')])] } });
    expect(JSON.stringify(t.findResources('AWS::IAM::Policy'))).not.toMatch(/"kms:/);
    t.hasResourceProperties('AWS::IAM::Policy', {
      Roles: [{ Ref: Match.stringLikeRegexp('^TaskRolesTaskRole') }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: Match.arrayWith(['dynamodb:Query', 'dynamodb:GetItem']), Resource: Match.anyValue() }),
          Match.objectLike({ Action: 'sns:Publish', Resource: { Ref: Match.stringLikeRegexp('^Notifications') } }),
        ]),
      },
    });
    expect(JSON.stringify(t.findResources('AWS::IAM::Policy'))).not.toMatch(/"dynamodb:(PutItem|DeleteItem|\*)"/);
  });

  test('the load balancer writes access logs to an SSL-only bucket', () => {
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      LoadBalancerAttributes: Match.arrayWith([{ Key: 'access_logs.s3.enabled', Value: 'true' }]),
    });
    t.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      LifecycleConfiguration: { Rules: [Match.objectLike({ Status: 'Enabled' })] },
    });
    t.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  test('alarms roll deployments back; request-count scaling beside CPU; outputs the URL', () => {
    t.hasResourceProperties('AWS::ECS::Service', {
      DeploymentConfiguration: Match.objectLike({ Alarms: Match.objectLike({ Enable: true, Rollback: true }) }),
    });
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      TargetTrackingScalingPolicyConfiguration: Match.objectLike({
        PredefinedMetricSpecification: Match.objectLike({ PredefinedMetricType: 'ALBRequestCountPerTarget' }),
      }),
    });
    t.hasOutput('*', { Description: 'URL of Scorekeep/Web' });
  });
});

describe('PublicOnly example', () => {
  const stack = new PublicOnlyStack(new App(), 'PublicOnly');
  const t = Template.fromStack(stack);

  test('public tasks with public IPs, no NAT, no load balancer, 8080 open to the internet and nothing else', () => {
    t.resourceCountIs('AWS::EC2::NatGateway', 0);
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', 0);
    t.hasResourceProperties('AWS::ECS::Service', {
      NetworkConfiguration: { AwsvpcConfiguration: Match.objectLike({ AssignPublicIp: 'ENABLED' }) },
    });
    t.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: [{ CidrIp: '0.0.0.0/0', IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, Description: Match.anyValue() }],
    });
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });
});

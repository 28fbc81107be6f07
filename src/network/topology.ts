/**
 * How the tasks of a Fargate network reach the internet and AWS APIs.
 */
export enum VpcTopology {
  /**
   * Public subnets only: tasks run in public subnets with a public IP; no NAT gateway.
   * Cheapest, but every task has a public address (its security group is the only shield).
   */
  PUBLIC_ONLY = 'PUBLIC_ONLY',
  /**
   * Public subnets for load balancers and NAT gateways, private subnets for tasks,
   * which reach the internet through the NAT gateways.
   */
  PRIVATE_WITH_NAT = 'PRIVATE_WITH_NAT',
  /**
   * Tasks run in isolated subnets with no route to the internet at all and reach AWS
   * (ECR, S3, CloudWatch Logs, ...) through VPC endpoints only; public subnets hold
   * only internet-facing load balancers.
   */
  PRIVATE_ISOLATED = 'PRIVATE_ISOLATED',
  /**
   * Isolated subnets only: no internet gateway, no public subnet, no NAT. Tasks reach AWS
   * through VPC endpoints only, and load balancers can only be internal (in the isolated
   * subnets). For workloads that nothing on the internet reaches.
   */
  ISOLATED_ONLY = 'ISOLATED_ONLY',
}

/**
 * An AWS service that tasks can reach through a VPC endpoint.
 */
export enum VpcEndpointService {
  /** ECR API (`ecr.api`): image manifests and auth tokens. */
  ECR_API = 'ECR_API',
  /** ECR Docker registry (`ecr.dkr`): image layers. */
  ECR_DOCKER = 'ECR_DOCKER',
  /** CloudWatch Logs (`logs`): the awslogs driver. */
  CLOUDWATCH_LOGS = 'CLOUDWATCH_LOGS',
  /** S3 gateway endpoint: ECR stores image layers in S3. */
  S3 = 'S3',
  /** Secrets Manager (`secretsmanager`): container secrets. */
  SECRETS_MANAGER = 'SECRETS_MANAGER',
  /** Systems Manager (`ssm`): SSM Parameter Store secrets. */
  SSM = 'SSM',
  /** SSM Session Manager messages (`ssmmessages`): ECS Exec. */
  SSM_MESSAGES = 'SSM_MESSAGES',
}

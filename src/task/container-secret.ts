import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as ssm from 'aws-cdk-lib/aws-ssm';

/**
 * Where a container secret is stored.
 */
export enum SecretSource {
  /** AWS Secrets Manager (the task needs the `secretsmanager` endpoint without internet). */
  SECRETS_MANAGER = 'SECRETS_MANAGER',
  /** SSM Parameter Store (the task needs the `ssm` endpoint without internet). */
  SSM_PARAMETER = 'SSM_PARAMETER',
}

/**
 * A secret injected into a container as an environment variable, typed by its source so
 * that the task knows which VPC endpoints it needs.
 */
export class ContainerSecret {
  /**
   * A Secrets Manager secret, or one JSON field of it.
   * @param secret the secret
   * @param field the JSON key to inject (default: the whole secret string)
   */
  public static fromSecretsManager(secret: secretsmanager.ISecret, field?: string): ContainerSecret {
    return new ContainerSecret(SecretSource.SECRETS_MANAGER, ecs.Secret.fromSecretsManager(secret, field));
  }

  /** An SSM Parameter Store parameter (String or SecureString). */
  public static fromSsmParameter(parameter: ssm.IParameter): ContainerSecret {
    return new ContainerSecret(SecretSource.SSM_PARAMETER, ecs.Secret.fromSsmParameter(parameter));
  }

  /**
   * @param source where the secret is stored
   * @param ecsSecret the aws-cdk-lib secret it wraps
   */
  private constructor(
    /** Where the secret is stored. */
    public readonly source: SecretSource,
    /** The aws-cdk-lib secret (its `grantRead` is what the execution role gets). */
    public readonly ecsSecret: ecs.Secret,
  ) {}
}

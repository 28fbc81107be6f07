import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { REASONS, acknowledge } from '../shared/acknowledgements';

/**
 * The bucket for ELB access logs: SSE-S3 encryption (the only encryption ELB log delivery
 * supports), SSL-only access, no public access, bucket-owner objects, and a lifecycle
 * rule that deletes logs after `retention`. Kept when the stack is deleted.
 */
export function accessLogBucket(scope: Construct, id: string, retention: Duration): s3.Bucket {
  const bucket = new s3.Bucket(scope, id, {
    encryption: s3.BucketEncryption.S3_MANAGED,
    enforceSSL: true,
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
    versioned: false,
    lifecycleRules: [{ id: 'ExpireAccessLogs', expiration: retention, abortIncompleteMultipartUploadAfter: Duration.days(1) }],
    removalPolicy: RemovalPolicy.RETAIN,
  });
  acknowledge(bucket, 'AwsSolutions-S1', REASONS.accessLogBucketLogging);
  return bucket;
}

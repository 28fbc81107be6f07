/** A synthesized CloudFormation template, as far as the cost model reads it. */
export interface CfnTemplate {
  readonly Resources?: Record<string, CfnResource>;
}

/** A resource of a CloudFormation template. */
export interface CfnResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
}

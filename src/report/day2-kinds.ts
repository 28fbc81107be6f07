/**
 * The day-2 hazards `report --compare` names, as data: each kind with its ID, whether the
 * update fails (CloudFormation rolls it back) or goes through replacing or removing what
 * carries traffic or data, the AWS fact behind it and where AWS documents it. docs/report.md
 * has a section per kind (a test checks).
 */
export interface HazardKind {
  /** The ID printed with each hazard (the AWS error code where there is one). */
  readonly id: string;
  /** The update fails and is rolled back (otherwise it succeeds, replacing or removing something). */
  readonly fails: boolean;
  /** What happens, in a few words. */
  readonly title: string;
  /** The AWS fact. */
  readonly fact: string;
  /** Where AWS documents the fact. */
  readonly source: string;
}

const CFN = 'https://docs.aws.amazon.com/AWSCloudFormation/latest';
const ELB = 'https://docs.aws.amazon.com/elasticloadbalancing/latest';

export const HAZARD_KINDS = {
  RESOURCE_TYPE_CHANGE: {
    id: 'ResourceTypeChange',
    fails: true,
    title: 'a logical ID changes its resource type',
    fact: 'CloudFormation does not change the type of a resource: "Update of resource type is not permitted"',
    source: `${CFN}/UserGuide/using-cfn-updating-stacks-update-behaviors.html`,
  },
  CUSTOM_NAMED_REPLACEMENT: {
    id: 'CustomNamedReplacement',
    fails: true,
    title: 'a resource with a physical name is replaced',
    fact: 'CloudFormation creates the replacement before it deletes the old resource, so it cannot replace a custom-named resource: "CloudFormation cannot update a stack when a custom-named resource requires replacing"',
    source: `${CFN}/TemplateReference/aws-properties-name.html`,
  },
  NAME_IN_USE: {
    id: 'NameInUse',
    fails: true,
    title: 'a new resource takes a physical name that a resource of the old template holds',
    fact: 'CloudFormation creates new resources before it deletes removed or replaced ones (cleanup phase): the old resource still holds the name when the new one is created (AlreadyExists)',
    source: `${CFN}/UserGuide/using-cfn-updating-stacks-update-behaviors.html`,
  },
  TARGET_GROUP_ASSOCIATION_LIMIT: {
    id: 'TargetGroupAssociationLimit',
    fails: true,
    title: 'a kept target group moves to another load balancer',
    fact: 'a target group belongs to one load balancer (load balancers per target group: 1), and CloudFormation attaches it to the new one before the old listener or rule is removed',
    source: `${ELB}/application/load-balancer-limits.html`,
  },
  PRIORITY_IN_USE: {
    id: 'PriorityInUse',
    fails: true,
    title: 'a listener rule takes a priority another rule of the listener holds',
    fact: 'listener rule priorities are unique per listener; CloudFormation creates and updates before it deletes (cleanup phase), and updates rules in no set order',
    source: `${ELB}/APIReference/API_CreateRule.html`,
  },
  DUPLICATE_LISTENER: {
    id: 'DuplicateListener',
    fails: true,
    title: 'a new listener takes a port another listener of the load balancer holds',
    fact: 'a load balancer has one listener per port; CloudFormation creates the new listener before it deletes the old one',
    source: `${ELB}/APIReference/API_CreateListener.html`,
  },
  SUBNET_CONFLICT: {
    id: 'InvalidSubnet.Conflict',
    fails: true,
    title: 'a new subnet overlaps a subnet of the old template',
    fact: 'subnets of a VPC cannot overlap; CloudFormation creates the new (or replacement) subnet while the old one still exists',
    source: 'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html',
  },
  MOUNT_TARGET_CONFLICT: {
    id: 'MountTargetConflict',
    fails: true,
    title: 'a new EFS mount target in an AZ where the file system has one',
    fact: 'an EFS file system has at most one mount target per Availability Zone; CloudFormation creates the new mount target before it deletes the old one',
    source: 'https://docs.aws.amazon.com/efs/latest/ug/API_CreateMountTarget.html',
  },
  DISCOVERY_NAME_IN_USE: {
    id: 'DiscoveryNameInUse',
    fails: true,
    title: 'a Service Connect or Cloud Map name is taken while its old holder exists',
    fact: 'Service Connect discovery names, Cloud Map service names and namespace names are unique in their namespace (or account); the old holder is deleted only in the cleanup phase (ServiceAlreadyExists, NamespaceAlreadyExists)',
    source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect-concepts-deploy.html',
  },
  EXPORT_IN_USE: {
    id: 'ExportInUse',
    fails: true,
    title: 'an export another stack imports changes or goes',
    fact: 'a stack cannot change or remove an output value that another stack imports; cdk deploy updates the exporting stack first',
    source: `${CFN}/UserGuide/using-cfn-stack-exports.html`,
  },
  DUPLICATE_RULE: {
    id: 'InvalidPermission.Duplicate',
    fails: true,
    title: 'a security group rule re-created under a new logical ID',
    fact: 'a security group holds a rule once; CloudFormation creates the new rule resource before it deletes the old one',
    source: 'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html',
  },
  REPLACEMENT: {
    id: 'Replacement',
    fails: false,
    title: 'what carries traffic or data is replaced',
    fact: 'a change of a property that the resource specification marks "Replacement" creates a new physical resource (new ID, empty), switches references to it, and deletes the old one in the cleanup phase',
    source: `${CFN}/UserGuide/using-cfn-updating-stacks-update-behaviors.html`,
  },
  CLUSTER_REPLACEMENT: {
    id: 'ClusterReplacement',
    fails: false,
    title: 'an ECS cluster with services is replaced',
    fact: 'a service belongs to one cluster (`Cluster` is a replacement property of AWS::ECS::Service): every service on a replaced cluster is replaced too',
    source: `${CFN}/TemplateReference/aws-resource-ecs-service.html`,
  },
  REMOVAL: {
    id: 'Removal',
    fails: false,
    title: 'what carries traffic or data leaves the stack',
    fact: 'a resource no longer in the template is deleted in the cleanup phase, or kept and no longer managed with DeletionPolicy Retain',
    source: `${CFN}/TemplateReference/aws-attribute-deletionpolicy.html`,
  },
} satisfies Record<string, HazardKind>;

/** One day-2 hazard of a comparison. */
export interface Hazard {
  readonly kind: HazardKind;
  readonly stack: string;
  /** What it is about: `target group Web/TargetGroup`. */
  readonly subject: string;
  /** Why, from the templates: which property change, which other resource. */
  readonly reason: string;
  /** How to make the change without the hazard. */
  readonly safePath: string;
}

/** The Markdown line of a hazard. */
export function hazardLine(h: Hazard): string {
  return `${h.kind.fails ? '⛔' : '⚠️'} **${h.kind.id}** ${h.stack}: ${h.subject}: ${h.reason}. **Safe path:** ${h.safePath}`;
}

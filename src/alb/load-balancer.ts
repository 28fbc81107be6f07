import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { Construct } from 'constructs';
import { REASONS, acknowledgeOpenListenerPorts } from '../shared/acknowledgements';
import { ALLOWED_CIDRS } from '../validation/alb-rules';
import { parseCidr } from '../validation/cidr';
import { reportProblems } from '../validation/errors';

/** A security group peer for a CIDR, or `undefined` when aws-cdk-lib would reject it. */
export function safePeer(cidr: string): ec2.IPeer | undefined {
  try {
    return parseCidr(cidr)?.version === 6 ? ec2.Peer.ipv6(cidr) : ec2.Peer.ipv4(cidr);
  } catch {
    return undefined;
  }
}

/**
 * The load balancer's own security group (child `LoadBalancerSecurityGroup` of `scope`): only
 * the listener ports from `cidrs`, no egress but what target registration adds.
 */
export function loadBalancerSecurityGroup(
  constructType: string, scope: Construct, vpc: ec2.IVpc, description: string,
  cidrs: readonly string[], listenerPorts: readonly number[], internetFacing: boolean,
): ec2.SecurityGroup {
  const sg = new ec2.SecurityGroup(scope, 'LoadBalancerSecurityGroup', { vpc, description, allowAllOutbound: false });
  for (const cidr of cidrs) {
    const peer = safePeer(cidr);
    if (peer === undefined) {
      // what is no CIDR block at all is reported by checkAllowedCidrs (notCidr): reported once
      if (parseCidr(cidr) !== undefined) reportProblems(constructType, scope, [ALLOWED_CIDRS.problem('notAccepted', { cidr })]);
      continue;
    }
    for (const port of listenerPorts) {
      sg.addIngressRule(peer, ec2.Port.tcp(port), `Clients to the load balancer on TCP ${port}`);
    }
  }
  if (internetFacing && cidrs.some(c => c === '0.0.0.0/0' || c === '::/0')) {
    acknowledgeOpenListenerPorts(sg, listenerPorts, REASONS.internetFacingListener);
  }
  return sg;
}

/** The listeners of a load balancer: HTTPS 443 (+ HTTP 80 redirecting to it) with certificates, else HTTP 80. */
export interface Listeners {
  /** The listener that forwards (HTTPS 443 with a certificate, else HTTP 80). */
  readonly listener: elbv2.ApplicationListener;
  /** The HTTP 80 listener that redirects to HTTPS, when there is a certificate. */
  readonly redirectListener?: elbv2.ApplicationListener;
}

/** Adds the listeners (IDs `Https` and `Http`, or `Http`), never opened by aws-cdk-lib (the security group is ours). */
export function addListeners(
  lb: elbv2.ApplicationLoadBalancer, certificates: readonly acm.ICertificate[], sslPolicy: elbv2.SslPolicy | undefined,
  defaultAction?: elbv2.ListenerAction,
): Listeners {
  if (certificates.length > 0) {
    const listener = lb.addListener('Https', {
      protocol: elbv2.ApplicationProtocol.HTTPS,
      port: 443,
      certificates: [...certificates],
      sslPolicy: sslPolicy ?? elbv2.SslPolicy.RECOMMENDED_TLS,
      open: false,
      defaultAction,
    });
    const redirectListener = lb.addListener('Http', {
      protocol: elbv2.ApplicationProtocol.HTTP,
      port: 80,
      open: false,
      defaultAction: elbv2.ListenerAction.redirect({ protocol: 'HTTPS', port: '443', permanent: true }),
    });
    return { listener, redirectListener };
  }
  return { listener: lb.addListener('Http', { protocol: elbv2.ApplicationProtocol.HTTP, port: 80, open: false, defaultAction }) };
}

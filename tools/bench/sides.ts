import { oursSide } from './ours';
import { partialSide } from './partial';
import { peerSide } from './peer';
import { environmentSide } from './shared-environment';
import { sharedPeerSide } from './shared-peer';
import { BenchSide } from './side';

/**
 * The sides measured, peer first. `environment` serves the same N services from one shared
 * load balancer; `shared-alb-peer` is its honest peer, the same with stock aws-cdk-lib.
 * `partial` (our network and task definition under the
 * stock pattern's ALB and service) splits our cost between the layers.
 */
export const SIDES: BenchSide[] = [peerSide, oursSide, sharedPeerSide, environmentSide, partialSide];

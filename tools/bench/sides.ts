import { oursSide } from './ours';
import { partialSide } from './partial';
import { peerSide } from './peer';
import { BenchSide } from './side';

/**
 * The sides measured, peer first. `partial` (our network and task definition under the
 * stock pattern's ALB and service) splits our cost between the layers.
 */
export const SIDES: BenchSide[] = [peerSide, oursSide, partialSide];

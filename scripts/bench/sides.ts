import { partialSide } from './partial';
import { peerSide } from './peer';
import { BenchSide } from './side';

/**
 * The sides measured, peer first. When AlbFrontedService is in src/, rename ours.ts.pending
 * to ours.ts and make this line `[peerSide, oursSide, partialSide]` (import oursSide from './ours').
 */
export const SIDES: BenchSide[] = [peerSide, partialSide];

// The test pair of each rule, from its declaration's examples (rules 0 to 20 of the catalogue; split so jest runs them in parallel).
import { declareRulePairs } from './pairs';

declareRulePairs(0, 20);

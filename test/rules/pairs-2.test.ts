// The test pair of each rule, from its declaration's examples (rules 20 to 40 of the catalogue; split so jest runs them in parallel).
import { declareRulePairs } from './pairs';

declareRulePairs(20, 40);

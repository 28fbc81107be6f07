// The test pair of each rule, from its declaration's examples (rules 40 to 60 of the catalogue; split so jest runs them in parallel).
import { declareRulePairs } from './pairs';

declareRulePairs(40, 60);

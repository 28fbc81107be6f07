// The test pair of each rule, from its declaration's examples (rules 60 to 1000 of the catalogue; split so jest runs them in parallel).
import { declareRulePairs } from './pairs';

declareRulePairs(60, 1000);

import { exampleAssembly, facts } from './helpers';
import { PRICES } from '../../src/report/cost/prices';
import { renderReport } from '../../src/report/render';

// The whole report of the example app: any change to what it says shows up in review.
// After a deliberate change: `npx projen test:update` (or `npx jest test/report -u`), then read the diff.
test('the report of the example app', () => {
  expect(renderReport('cdk.out', facts(exampleAssembly()), PRICES)).toMatchSnapshot();
});

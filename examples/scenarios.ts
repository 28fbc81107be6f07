import { App, AppProps, Stack } from 'aws-cdk-lib';
import { BatchJobStack } from './stacks/batch-job';
import { IsolatedWithEndpointsStack } from './stacks/isolated-with-endpoints';
import { PublicOnlyStack } from './stacks/public-only';
import { ScorekeepStack } from './stacks/scorekeep';

/**
 * Builds the example app: one environment-agnostic stack per scenario.
 * Shared by `examples/app.ts` (cdk.json) and the tests.
 */
export function createExampleApp(props: AppProps = {}): App {
  const app = new App(props);
  new ScorekeepStack(app, 'Scorekeep');
  new PublicOnlyStack(app, 'PublicOnly');
  new IsolatedWithEndpointsStack(app, 'IsolatedWithEndpoints');
  new BatchJobStack(app, 'BatchJob');
  return app;
}

/** The example stacks of an app built by `createExampleApp`. */
export function exampleStacks(app: App): Stack[] {
  return app.node.children.filter(Stack.isStack);
}

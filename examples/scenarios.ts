import { App, AppProps, Stack } from 'aws-cdk-lib';
import { BatchJobStack } from './stacks/batch-job';
import { IsolatedWithEndpointsStack } from './stacks/isolated-with-endpoints';
import { ManyServicesStack } from './stacks/many-services';
import { PublicOnlyStack } from './stacks/public-only';
import { ScorekeepStack } from './stacks/scorekeep';

/**
 * The region of the Scorekeep stack: its load balancer writes access logs to S3, and the
 * bucket policy must name the region's ELB log-delivery principal. No account is set, so
 * `cdk synth` still needs no AWS credentials.
 */
export const SCOREKEEP_REGION = 'us-east-1';

/**
 * Builds the example app: one stack per scenario, environment-agnostic except for the
 * regions of the Scorekeep and ManyServices stacks (see SCOREKEEP_REGION: both write load
 * balancer access logs).
 * Shared by `examples/app.ts` (cdk.json) and the tests.
 */
export function createExampleApp(props: AppProps = {}): App {
  const app = new App(props);
  new ScorekeepStack(app, 'Scorekeep', { env: { region: SCOREKEEP_REGION } });
  new PublicOnlyStack(app, 'PublicOnly');
  new IsolatedWithEndpointsStack(app, 'IsolatedWithEndpoints');
  new BatchJobStack(app, 'BatchJob');
  new ManyServicesStack(app, 'ManyServices', { env: { region: SCOREKEEP_REGION } });
  return app;
}

/** The example stacks of an app built by `createExampleApp`. */
export function exampleStacks(app: App): Stack[] {
  return app.node.children.filter(Stack.isStack);
}

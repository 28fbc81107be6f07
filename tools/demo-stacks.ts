/**
 * The stacks `npm run demo` deploys, in order (those the example app does not have are skipped).
 * A module of its own so that `tools/ci/doc-facts.ts` can compare the docs with it without
 * starting the demo.
 */
export const DEMO_STACKS = ['Scorekeep', 'BatchJob', 'ManyServices'];

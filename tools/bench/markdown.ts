// The Markdown helpers are shared with the report command (`npx cdk-fargate-kit report`).
export { fixed, markdownTable, usd } from '../../src/report/markdown';

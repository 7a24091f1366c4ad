export { TEST_TAGS } from './tags.ts';
export { SummaryReporter } from './summary-reporter.ts';

// printJob / printCronJob rows, ported as facts from printers_test.go (TestPrintJob, TestPrintCronJob).
import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../../src/engine/api/types';
import { cronJobPrinter, jobPrinter } from '../../../../src/engine/apiserver/printers/batch';

const NOW = Date.parse('2026-01-10T00:00:00Z');
const at = (ms: number) => new Date(NOW - ms).toISOString();
const YEARS_10 = 10 * 365 * 86400_000;
const tmpl = { spec: { containers: [{ name: 'fake-job-container1', image: 'fake-job-image1' }, { name: 'fake-job-container2', image: 'fake-job-image2' }] } };
const job = (spec: Record<string, unknown>, status: Record<string, unknown>, meta: Record<string, unknown> = {}): KObject => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'job1', creationTimestamp: at(YEARS_10), ...meta },
  spec: { template: tmpl, selector: { matchLabels: { 'job-label': 'job-label-value' } }, ...spec },
  status,
});

describe('jobPrinter', () => {
  const rows: { name: string; input: KObject; want: unknown[] }[] = [
    {
      name: 'basic job',
      input: job({ completions: 1 }, { succeeded: 1 }),
      want: ['job1', 'Running', '1/1', '', '10y', 'fake-job-container1,fake-job-container2', 'fake-job-image1,fake-job-image2', 'job-label=job-label-value'],
    },
    {
      name: 'job without completions',
      input: job({ completions: null }, { succeeded: 1 }),
      want: ['job1', 'Running', '1/1', '', '10y'],
    },
    {
      name: 'work queue with parallelism',
      input: job({ completions: null, parallelism: 2 }, { succeeded: 0 }),
      want: ['job1', 'Running', '0/1 of 2', '', '10y'],
    },
    {
      name: 'completed job: duration completion - start',
      input: job({ completions: 2 }, { succeeded: 2, startTime: at(YEARS_10 - 1000), completionTime: at(YEARS_10 - 1000 - 31 * 60_000), conditions: [{ type: 'Complete', status: 'True' }] }),
      want: ['job1', 'Complete', '2/2', '31m', '10y'],
    },
    {
      name: 'running job: duration since start',
      input: job({ completions: 2 }, { succeeded: 1, startTime: at(20 * 60_000) }),
      want: ['job1', 'Running', '1/2', '20m', '10y'],
    },
    {
      name: 'failed job',
      input: job({ completions: 2 }, { succeeded: 0, failed: 3, conditions: [{ type: 'Failed', status: 'True' }] }),
      want: ['job1', 'Failed', '0/2', '', '10y'],
    },
    {
      name: 'terminating before suspended',
      input: job({ completions: 2 }, { conditions: [{ type: 'Suspended', status: 'True' }] }, { deletionTimestamp: at(0) }),
      want: ['job1', 'Terminating', '0/2', '', '10y'],
    },
    {
      name: 'suspended',
      input: job({ completions: 2 }, { conditions: [{ type: 'Suspended', status: 'True' }] }),
      want: ['job1', 'Suspended', '0/2', '', '10y'],
    },
    {
      name: 'failure target',
      input: job({ completions: 2 }, { conditions: [{ type: 'FailureTarget', status: 'True' }] }),
      want: ['job1', 'FailureTarget', '0/2', '', '10y'],
    },
    {
      name: 'condition False does not count',
      input: job({ completions: 1 }, { conditions: [{ type: 'Complete', status: 'False' }] }),
      want: ['job1', 'Running', '0/1', '', '10y'],
    },
  ];
  it.each(rows)('$name', ({ input, want }) => {
    expect(jobPrinter.cells(input, NOW).slice(0, want.length)).toEqual(want);
  });
  it('has STATUS COMPLETIONS DURATION', () => {
    expect(jobPrinter.columns.map((c) => c.name)).toEqual(['Name', 'Status', 'Completions', 'Duration', 'Age', 'Containers', 'Images', 'Selector']);
  });
});

describe('cronJobPrinter', () => {
  const cj = (spec: Record<string, unknown>, status: Record<string, unknown>): KObject => ({
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'cronjob1', creationTimestamp: at(YEARS_10) },
    spec: { schedule: '0/5 * * * ?', jobTemplate: { spec: { template: tmpl, selector: { matchLabels: { a: 'b' } } } }, ...spec },
    status,
  });
  const rows: { name: string; input: KObject; want: unknown[] }[] = [
    {
      name: 'suspended false, last scheduled 5h ago',
      input: cj({ suspend: false }, { lastScheduleTime: at(5 * 3600_000) }),
      want: ['cronjob1', '0/5 * * * ?', '<none>', 'False', 0, '5h', '10y', 'fake-job-container1,fake-job-container2', 'fake-job-image1,fake-job-image2', 'a=b'],
    },
    {
      name: 'never scheduled',
      input: cj({ suspend: false }, {}),
      want: ['cronjob1', '0/5 * * * ?', '<none>', 'False', 0, '<none>', '10y'],
    },
    {
      name: 'active jobs and a time zone',
      input: cj({ suspend: true, timeZone: 'Europe/Paris' }, { active: [{ name: 'a' }, { name: 'b' }], lastScheduleTime: at(90_000) }),
      want: ['cronjob1', '0/5 * * * ?', 'Europe/Paris', 'True', 2, '90s', '10y'],
    },
    {
      name: 'unset suspend',
      input: cj({}, {}),
      want: ['cronjob1', '0/5 * * * ?', '<none>', '<unset>', 0, '<none>', '10y'],
    },
  ];
  it.each(rows)('$name', ({ input, want }) => {
    expect(cronJobPrinter.cells(input, NOW).slice(0, want.length)).toEqual(want);
  });
});

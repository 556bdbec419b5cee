// Export and replay of a period as a background job: POST …&async=true, then GET /api/jobs/{id} until it ends,
// with a progress bar and the server's estimate of the time left. A pass of the drift watch (POST /api/drift/runs)
// is followed the same way.
import { call, get, query } from './api.js';
import { h, replace, sleep } from './dom.js';
import { amount, date } from './format.js';

const POLL_MS = 700;

/** Runs an export or replay ('export' | 'replay') and shows its progress in `box`; answers the finished job. */
export async function runPeriodJob(kind, departmentId, from, to, box) {
  const { progress, text } = startIn(box, kind);
  const path = `/api/departments/${departmentId}/${kind === 'export' ? 'exports' : 'replay'}`
    + query({ from, to, async: 'true' });
  const reply = await call('POST', path);
  if (reply.status !== 202) {
    // the server ran it at once: the per-day results are the answer
    const job = { state: 'DONE', daysDone: reply.body.length, daysTotal: reply.body.length, results: reply.body };
    showDone(kind, job, progress, text, box);
    return job;
  }
  const job = await follow(reply.body.jobId, box, progress, text);
  showDone(kind, job, progress, text, box);
  return job;
}

/** Runs a pass of the drift watch over every department; answers the finished job (a result per department). */
export async function runDriftWatch(box) {
  const { progress, text } = startIn(box, 'drift watch');
  const reply = await call('POST', '/api/drift/runs');
  const job = await follow(reply.body.jobId, box, progress, text);
  const total = name => (job.results || []).reduce((n, r) => n + (r[name] || 0), 0);
  text.textContent = job.state === 'DONE'
    ? `Drift watch done: ${total('drifted')} changed, ${total('locked')} changed on locked days, `
      + `${total('corrected')} corrected.`
    : `The drift watch stopped (${job.state}): ${job.message || 'no reason given'}.`;
  text.className = `job-text job-${job.state.toLowerCase()}`;
  box.dataset.state = job.state;
  return job;
}

function startIn(box, kind) {
  const progress = h('progress', { max: '1', value: '0', 'aria-label': `${kind} progress` });
  const text = h('p', { class: 'job-text', role: 'status', 'aria-live': 'polite' }, 'Starting…');
  replace(box, h('div', { class: 'job' }, progress, text));
  delete box.dataset.state;
  delete box.dataset.jobId;
  return { progress, text };
}

/** Polls the job until it ends, showing its progress; answers its final state. */
async function follow(jobId, box, progress, text) {
  box.dataset.jobId = jobId;
  let job;
  for (;;) {
    job = await get(`/api/jobs/${encodeURIComponent(jobId)}`);
    progress.max = Math.max(job.daysTotal, 1);
    progress.value = job.daysDone;
    if (job.state !== 'RUNNING') break;
    const left = job.estimatedSecondsLeft;
    text.textContent = `${job.daysDone} of ${job.daysTotal} days done`
      + (left === null || left === undefined ? '' : `, about ${left} s left`);
    await sleep(POLL_MS);
  }
  return job;
}

function showDone(kind, job, progress, text, box) {
  progress.max = Math.max(job.daysTotal, 1);
  progress.value = job.daysDone;
  const counts = {};
  for (const r of job.results || []) counts[r.outcome] = (counts[r.outcome] || 0) + 1;
  const summary = Object.entries(counts).map(([outcome, n]) => `${n} ${outcome.toLowerCase().replace('_', ' ')}`)
    .join(', ');
  text.textContent = job.state === 'DONE'
    ? `${kind === 'export' ? 'Export' : 'Replay'} done: ${summary || 'no days'}.`
    : `The ${kind} stopped (${job.state}): ${job.message || 'no reason given'}. The days it finished are in the `
      + 'ledger.';
  text.className = `job-text job-${job.state.toLowerCase()}`;
  box.dataset.state = job.state;
  box.append(resultsTable(job.results || []));
}

export function resultsTable(results) {
  return h('table', { class: 'results' },
    h('caption', {}, 'Outcome per day'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Day'), h('th', { scope: 'col' }, 'Outcome'),
      h('th', { scope: 'col', class: 'num' }, 'Voucher'), h('th', { scope: 'col' }, 'Message'))),
    h('tbody', {}, results.map(r => h('tr', { 'data-date': r.businessDate },
      h('td', {}, date(r.businessDate)),
      h('td', {}, h('span', { class: `outcome outcome-${r.outcome.toLowerCase()}` }, r.outcome)),
      h('td', { class: 'num' }, r.voucherNo ?? ''),
      h('td', {}, r.message || (r.total !== undefined ? amount(r.total) : ''))))));
}

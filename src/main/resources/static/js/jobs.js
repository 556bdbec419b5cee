// Export and replay of a period as a background job: POST …&async=true, then GET /api/jobs/{id} until it ends,
// with a progress bar and the server's estimate of the time left. A pass of the drift watch (POST /api/drift/runs)
// is followed the same way.
import { call, get, query } from './api.js';
import { h, replace, sleep } from './dom.js';
import { amount, date } from './format.js';
import { t } from './i18n.js';

const POLL_MS = 700;

/** A day's outcome (DayOutcome, DriftOutcome) as shown; English keeps the server's names. */
export function outcomeText(outcome) {
  const texts = {
    POSTED: t('outcome.posted'), ALREADY_POSTED: t('outcome.alreadyPosted'), UNCHANGED: t('outcome.unchanged'),
    CORRECTED: t('outcome.corrected'), BLOCKED: t('outcome.blocked'), LOCKED: t('outcome.locked'),
    FAILED: t('outcome.failed'), NOT_CLOSED: t('outcome.notClosed'), EMPTY: t('outcome.empty'),
    DRIFTED: t('outcome.drifted'), NOT_CORRECTED: t('outcome.notCorrected'),
  };
  return texts[outcome] ?? outcome;
}

/** A job's state (RUNNING, DONE, FAILED, INTERRUPTED) as shown. */
function jobStateText(state) {
  const texts = { RUNNING: t('job.state.running'), DONE: t('job.state.done'), FAILED: t('job.state.failed'),
    INTERRUPTED: t('job.state.interrupted') };
  return texts[state] ?? state;
}

/** Runs an export or replay ('export' | 'replay') and shows its progress in `box`; answers the finished job. */
export async function runPeriodJob(kind, departmentId, from, to, box) {
  const { progress, text } = startIn(box, kind === 'export' ? t('job.export') : t('job.replay'));
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
  const { progress, text } = startIn(box, t('job.driftWatch'));
  const reply = await call('POST', '/api/drift/runs');
  const job = await follow(reply.body.jobId, box, progress, text);
  const total = name => (job.results || []).reduce((n, r) => n + (r[name] || 0), 0);
  text.textContent = job.state === 'DONE'
    ? t('job.driftWatchDone', { drifted: total('drifted'), locked: total('locked'), corrected: total('corrected') })
    : t('job.driftWatchStopped', { state: jobStateText(job.state), message: job.message || t('job.noReason') });
  text.className = `job-text job-${job.state.toLowerCase()}`;
  box.dataset.state = job.state;
  return job;
}

function startIn(box, name) {
  const progress = h('progress', { max: '1', value: '0', 'aria-label': t('job.progress', { job: name }) });
  const text = h('p', { class: 'job-text', role: 'status', 'aria-live': 'polite' }, t('job.starting'));
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
    text.textContent = left === null || left === undefined
      ? t('job.daysDone', { done: job.daysDone, total: job.daysTotal })
      : t('job.daysDoneLeft', { done: job.daysDone, total: job.daysTotal, left });
    await sleep(POLL_MS);
  }
  return job;
}

function showDone(kind, job, progress, text, box) {
  progress.max = Math.max(job.daysTotal, 1);
  progress.value = job.daysDone;
  const counts = {};
  for (const r of job.results || []) counts[r.outcome] = (counts[r.outcome] || 0) + 1;
  const summary = Object.entries(counts)
    .map(([outcome, n]) => `${n} ${outcomeText(outcome).toLowerCase().replaceAll('_', ' ')}`).join(', ');
  const params = { summary: summary || t('job.noDays'), state: jobStateText(job.state),
    message: job.message || t('job.noReason') };
  if (kind === 'export') {
    text.textContent = job.state === 'DONE' ? t('job.exportDone', params) : t('job.exportStopped', params);
  } else {
    text.textContent = job.state === 'DONE' ? t('job.replayDone', params) : t('job.replayStopped', params);
  }
  text.className = `job-text job-${job.state.toLowerCase()}`;
  box.dataset.state = job.state;
  box.append(resultsTable(job.results || []));
}

export function resultsTable(results) {
  return h('table', { class: 'results' },
    h('caption', {}, t('job.outcomePerDay')),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('job.day')), h('th', { scope: 'col' }, t('job.outcome')),
      h('th', { scope: 'col', class: 'num' }, t('job.voucher')), h('th', { scope: 'col' }, t('job.message')))),
    h('tbody', {}, results.map(r => h('tr', { 'data-date': r.businessDate },
      h('td', {}, date(r.businessDate)),
      h('td', {}, h('span', { class: `outcome outcome-${r.outcome.toLowerCase()}`, 'data-outcome': r.outcome },
        outcomeText(r.outcome))),
      h('td', { class: 'num' }, r.voucherNo ?? ''),
      h('td', {}, r.message || (r.total !== undefined ? amount(r.total) : ''))))));
}

// The colour rules of the ledger calendar (README, "The operator console"). A day's state comes from, in order:
//   1. the ledger's newest revision POSTED, with drift (the drift watch found that its voucher would differ
//      today)                                        → drifted, or drifted-locked on or before the lock date
//      (never corrected: booked by hand in an open period)
//                                       without drift → posted (revision 1) or corrected (revision 2 and later)
//   2. on or before PowerOffice's lock date          → locked (nothing can be posted there any more)
//   3. any other ledger row (FAILED, or left CLAIMED, SENDING, REVERSING, REVERSED: an export or correction that
//      did not finish)                               → failed (export or replay again to settle it)
//   4. the voucher preview of the day: no Z-report   → not closed
//                                      problems      → blocked
//                                      no lines      → empty
//                                      otherwise     → not yet exported
// Days after today (Oslo) are not previewed and have no state.
import { t } from './i18n.js';

// label and explain are read when shown, so they follow the language chosen (i18n.js)
export const STATES = {
  posted: {
    get label() { return t('dayState.posted'); },
    get explain() { return t('dayState.posted.explain'); },
  },
  corrected: {
    get label() { return t('dayState.corrected'); },
    get explain() { return t('dayState.corrected.explain'); },
  },
  drifted: {
    get label() { return t('dayState.drifted'); },
    get explain() { return t('dayState.drifted.explain'); },
  },
  'drifted-locked': {
    get label() { return t('dayState.driftedLocked'); },
    get explain() { return t('dayState.driftedLocked.explain'); },
  },
  failed: {
    get label() { return t('dayState.failed'); },
    get explain() { return t('dayState.failed.explain'); },
  },
  blocked: {
    get label() { return t('dayState.blocked'); },
    get explain() { return t('dayState.blocked.explain'); },
  },
  locked: {
    get label() { return t('dayState.locked'); },
    get explain() { return t('dayState.locked.explain'); },
  },
  'not-closed': {
    get label() { return t('dayState.notClosed'); },
    get explain() { return t('dayState.notClosed.explain'); },
  },
  empty: {
    get label() { return t('dayState.empty'); },
    get explain() { return t('dayState.empty.explain'); },
  },
  'not-exported': {
    get label() { return t('dayState.notExported'); },
    get explain() { return t('dayState.notExported.explain'); },
  },
  unknown: {
    get label() { return t('dayState.unknown'); },
    get explain() { return t('dayState.unknown.explain'); },
  },
  future: {
    get label() { return t('dayState.future'); },
    get explain() { return t('dayState.future.explain'); },
  },
};

/** The newest revision among a day's ledger rows, or null. */
export function newest(revisions) {
  return (revisions || []).reduce((a, r) => (a === null || r.revision > a.revision ? r : a), null);
}

/**
 * The state of one day. date, today and lockDate are YYYY-MM-DD (lockDate may be null); revisions are the day's
 * ledger rows; preview is the day's preview entry, or null when it was not read.
 */
export function dayState(date, { revisions = [], preview = null, lockDate = null, today }) {
  if (date > today) return 'future';
  const latest = newest(revisions);
  if (latest && latest.status === 'POSTED') {
    if (latest.drift) return latest.drift.locked ? 'drifted-locked' : 'drifted';
    return latest.revision > 1 ? 'corrected' : 'posted';
  }
  if (lockDate && date <= lockDate) return 'locked';
  if (latest) return 'failed';
  if (!preview) return 'unknown';
  if (!preview.closed) return 'not-closed';
  if (preview.problems && preview.problems.length) return 'blocked';
  if (!preview.lines || preview.lines.length === 0) return 'empty';
  return 'not-exported';
}

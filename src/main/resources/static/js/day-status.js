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

export const STATES = {
  posted: { label: 'Posted', explain: 'Posted to PowerOffice.' },
  corrected: {
    label: 'Corrected',
    explain: 'Posted, then corrected by a replay: the earlier voucher was reversed and a new revision posted.',
  },
  drifted: {
    label: 'Changed since posted',
    explain: 'Posted, but the POS figures (or the mappings) changed afterwards: the voucher would differ today. '
      + 'Correct reverses the posted voucher and posts the day again as a new revision.',
  },
  'drifted-locked': {
    label: 'Changed since posted, locked',
    explain: 'Posted, and the voucher would differ today, but the day is on or before PowerOffice\'s lock date: it '
      + 'cannot be corrected here. Book the differences below by hand in an open period.',
  },
  failed: {
    label: 'Failed',
    explain: 'The export did not go through, or its outcome is not known yet. Export (or replay) the day again: '
      + 'the server first asks PowerOffice whether the voucher arrived, so nothing is posted twice.',
  },
  blocked: {
    label: 'Blocked',
    explain: 'The day cannot be posted until the problems below are fixed (setup, or POS data).',
  },
  locked: {
    label: 'Locked',
    explain: 'On or before PowerOffice\'s lock date: nothing can be posted to this day any more.',
  },
  'not-closed': { label: 'Not closed', explain: 'The POS has no Z-report for this day yet.' },
  empty: { label: 'Empty', explain: 'Closed with nothing to post.' },
  'not-exported': { label: 'Not yet exported', explain: 'Closed and ready, not exported yet.' },
  unknown: { label: 'Unknown', explain: 'The preview of this day could not be read.' },
  future: { label: '', explain: 'A day still to come.' },
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

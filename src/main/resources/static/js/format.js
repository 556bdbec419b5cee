// Norwegian formats: amounts as 12 345,67 (a no-break space between thousands, so an amount never wraps),
// dates as 15.10.2026, times in Europe/Oslo.

const GROUP = '\u00a0';

/** A JSON amount (number or text, two decimals) as 12 345,67; '' for null. Rounded in whole øre. */
export function amount(value) {
  if (value === null || value === undefined || value === '') return '';
  const ore = Math.round(Number(value) * 100);
  if (!Number.isFinite(ore)) return String(value);
  const sign = ore < 0 ? '-' : '';
  const abs = Math.abs(ore);
  const kroner = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, GROUP);
  return `${sign}${kroner},${String(abs % 100).padStart(2, '0')}`;
}

/** Sum of JSON amounts, in whole øre to stay exact. */
export function sum(values) {
  return values.reduce((total, v) => total + Math.round(Number(v) * 100), 0) / 100;
}

/** '2026-10-15' → '15.10.2026'. */
export function date(iso) {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
  'November', 'December'];

/** '2026-10-15' → 'Thursday 15.10.2026'. */
export function longDate(iso) {
  return `${WEEKDAYS[new Date(`${iso}T12:00:00Z`).getUTCDay()]} ${date(iso)}`;
}

/** '2026-10' → 'October 2026'. */
export function monthName(month) {
  const [y, m] = month.split('-').map(Number);
  return `${MONTHS[m - 1]} ${y}`;
}

const OSLO_TIME = new Intl.DateTimeFormat('nb-NO', {
  timeZone: 'Europe/Oslo', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit',
});

/** An instant as '15.10.2026, 14:03' in Oslo time. */
export function dateTime(instant) {
  return instant ? OSLO_TIME.format(new Date(instant)) : '';
}

/** Today's date in Oslo as YYYY-MM-DD. */
export function osloToday(now = new Date()) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(now);
}

/** Every date of a month 'YYYY-MM', as YYYY-MM-DD. */
export function daysOf(month) {
  const [y, m] = month.split('-').map(Number);
  const count = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: count }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}

/** The month 'YYYY-MM' moved by n months. */
export function addMonths(month, n) {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** 0 = Monday … 6 = Sunday (Norwegian weeks start on Monday). */
export function weekdayIndex(iso) {
  return (new Date(`${iso}T12:00:00Z`).getUTCDay() + 6) % 7;
}

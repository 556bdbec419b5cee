// Norwegian formats: amounts as 12 345,67 (a no-break space between thousands, so an amount never wraps),
// dates as 15.10.2026, times in Europe/Oslo, in either language; only the names of days and months are said in the
// language chosen.
import { t } from './i18n.js';

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

const PERCENT = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 2 });

/** A rate (0.25, 0.125, as PowerOffice gives it) as 25 %, 12,5 % (a no-break space before %); '' for null. */
export function percent(rate) {
  if (rate === null || rate === undefined || rate === '') return '';
  const hundredths = Math.round(Number(rate) * 10000);
  if (!Number.isFinite(hundredths)) return String(rate);
  return `${PERCENT.format(hundredths / 100)}${GROUP}%`;
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

// in the language chosen (i18n.js): 'torsdag 15.10.2026', 'oktober 2026'; the numbers are Norwegian in both
const WEEKDAYS = () => [t('date.sunday'), t('date.monday'), t('date.tuesday'), t('date.wednesday'),
  t('date.thursday'), t('date.friday'), t('date.saturday')];
const MONTHS = () => [t('date.january'), t('date.february'), t('date.march'), t('date.april'), t('date.may'),
  t('date.june'), t('date.july'), t('date.august'), t('date.september'), t('date.october'), t('date.november'),
  t('date.december')];

/** The short names of a week's days, Monday first: 'man' … 'søn', 'Mon' … 'Sun'. */
export function shortWeekdays() {
  return [t('date.mon'), t('date.tue'), t('date.wed'), t('date.thu'), t('date.fri'), t('date.sat'), t('date.sun')];
}

/** '2026-10-15' → 'Thursday 15.10.2026' (English), 'torsdag 15.10.2026' (Norwegian). */
export function longDate(iso) {
  return `${WEEKDAYS()[new Date(`${iso}T12:00:00Z`).getUTCDay()]} ${date(iso)}`;
}

/** '2026-10' → 'October 2026' (English), 'oktober 2026' (Norwegian). */
export function monthName(month) {
  const [y, m] = month.split('-').map(Number);
  return `${MONTHS()[m - 1]} ${y}`;
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

/** The date YYYY-MM-DD moved by n days. */
export function addDays(iso, n) {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Days from one date YYYY-MM-DD to another (negative when the second is earlier). */
export function daysBetween(from, to) {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86400000);
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

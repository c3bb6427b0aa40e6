// Money is minor units plus an ISO 4217 code; the browser's Intl knows each currency's decimals.

export function money(amount, currency) {
  const code = (currency || 'cny').toUpperCase();
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits;
  return new Intl.NumberFormat('en', { style: 'currency', currency: code }).format(amount / 10 ** digits);
}

/** Minor units from what a person typed in major units, or null when it is not an amount of that currency. */
export function minorUnits(text, currency) {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency: currency.toUpperCase() }).resolvedOptions().maximumFractionDigits;
  const pattern = digits === 0 ? /^\d+$/ : new RegExp(`^\\d+(\\.\\d{1,${digits}})?$`);
  if (!pattern.test(text.trim())) return null;
  const [whole, fraction = ''] = text.trim().split('.');
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || 0);
}

export function time(iso) {
  if (!iso) return '';
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'medium' });
}

/** A date input's day as the start of that day in the browser's zone, as an RFC 3339 time. */
export function startOfDay(day) {
  return day ? new Date(`${day}T00:00:00`).toISOString() : '';
}

export function isoDay(date) {
  const pad = n => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

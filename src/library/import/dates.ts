// Dates as pages and feeds write them → ISO 8601. A day alone stays a day (no time zone shifts it);
// a time keeps its offset.

const MONTHS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
] as const;
const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
/** "Sep 13, 2023", "September 13 2023". */
const MONTH_DAY_YEAR = new RegExp(`^${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})$`, 'i');
/** "13 September 2023", "13. Sep. 2023". */
const DAY_MONTH_YEAR = new RegExp(
  `^(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+${MONTH},?\\s+(\\d{4})$`,
  'i',
);
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_TIME =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|[+-]\d{2}:?\d{2})?$/i;

function day(year: number, month: number, date: number): string | null {
  const calendar = new Date(Date.UTC(year, month - 1, date));
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== date) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}

const monthOf = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase() as never) + 1;

/** A date in any common form → ISO 8601, or null when it is not a date. */
export function isoDate(input: string): string | null {
  const text = input.replace(/\s+/g, ' ').trim();
  if (!text) return null;
  let match = ISO_DAY.exec(text);
  if (match) return day(Number(match[1]), Number(match[2]), Number(match[3]));
  match = ISO_TIME.exec(text);
  if (match) {
    const [, date, time, zone] = match;
    const offset = !zone
      ? ''
      : /z/i.test(zone)
        ? 'Z'
        : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
    const iso = `${date}T${time!.length === 5 ? `${time}:00` : time}${offset}`;
    return Number.isNaN(Date.parse(iso)) ? null : iso;
  }
  match = MONTH_DAY_YEAR.exec(text);
  if (match) return day(Number(match[3]), monthOf(match[1]!), Number(match[2]));
  match = DAY_MONTH_YEAR.exec(text);
  if (match) return day(Number(match[3]), monthOf(match[2]!), Number(match[1]));
  // RFC 822 and the rest: what the platform understands, in UTC.
  const time = Date.parse(text);
  if (Number.isNaN(time)) return null;
  return new Date(time).toISOString().replace(/\.000Z$/, 'Z');
}

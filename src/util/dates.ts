// Date arithmetic on the request's date strings (YYYY-MM-DD, YYYY-MM or YYYY).

const DAY_MS = 86_400_000;

const dayCache = new Map<string, number>();

/** Days since 1970-01-01 (UTC). A month-only date means its 15th; a year-only date, July 1. */
export function dayNumber(date: string): number {
  let day = dayCache.get(date);
  if (day === undefined) {
    const [y, m, d] = date.split('-').map(Number) as [number, number | undefined, number | undefined];
    day = Math.floor(Date.UTC(y, (m ?? 7) - 1, d ?? (m === undefined ? 1 : 15)) / DAY_MS);
    if (dayCache.size > 100_000) dayCache.clear();
    dayCache.set(date, day);
  }
  return day;
}

export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function monthsBetween(from: string, to: string): number {
  return Math.round((daysBetween(from, to) / 30.44) * 10) / 10;
}

export function weeksBetween(from: string, to: string): number {
  return Math.round((daysBetween(from, to) / 7) * 10) / 10;
}

export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

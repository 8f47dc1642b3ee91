/** Writing HTML safely: every value from the input passes through {@link esc}. */

// C0 controls (but tab and newline) are not allowed in HTML text; they become U+FFFD.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or an attribute value made safe for HTML. */
export function esc(text: string): string {
  return text.replace(CONTROL, '\ufffd').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** An attribute list: `name="value"` for each defined value, escaped; `name` alone for `true`. */
export function attrs(values: Readonly<Record<string, string | number | boolean | null | undefined>>): string {
  let out = '';
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null || v === false) continue;
    out += v === true ? ` ${k}` : ` ${k}="${esc(String(v))}"`;
  }
  return out;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** `2024-04-09` as people read it in England: `9 Apr 2024`. Worked from the digits, never a local-time Date. */
export function dateText(iso: string): string {
  const m = Number(iso.slice(5, 7));
  return `${Number(iso.slice(8, 10))} ${MONTHS[m - 1]!.slice(0, 3)} ${iso.slice(0, 4)}`;
}

/** `2023-04` as `April 2023`. */
export function monthText(month: string): string {
  return `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** The day of the week of an ISO date, by day count from 1970-01-01 (a Thursday), in UTC. */
export function weekdayText(iso: string): string {
  const days = Math.floor(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000);
  return DAYS[(((days + 3) % 7) + 7) % 7]!;
}

/** A `<time>` element for an ISO date. */
export function time(iso: string): string {
  return `<time datetime="${esc(iso)}">${dateText(iso)}</time>`;
}

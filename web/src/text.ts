// Rendering a value of the request (typed `unknown` in the form's state) as text, deliberately:
// a string as it is, a number or boolean as String() writes it, a list item by item, an object
// as its JSON — never "[object Object]".

/** A value as text; a list's items are joined with `separator` (empty for a missing item, as Array.join does). */
export function valueText(value: unknown, separator = ','): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value))
    return value.map((v: unknown) => (v === undefined || v === null ? '' : valueText(v, separator))).join(separator);
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

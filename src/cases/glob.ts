// A small glob for `--filter`: `*` matches within a path segment, `**` across segments, `?` one character.
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
      if (glob[i + 1] === '/') i++;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/**
 * Whether a case id matches: the whole id, the id below test/cases/ ("imr-ca-2016/**"), or
 * anywhere when the glob has no slash.
 */
export function matchesFilter(id: string, glob: string): boolean {
  const re = globToRegExp(glob);
  if (re.test(id) || re.test(id.replace(/^test\/cases\//, ''))) return true;
  if (!glob.includes('/')) return id.split(/[/#]/).some((part) => re.test(part)) || globToRegExp(`**${glob}**`).test(id);
  return false;
}

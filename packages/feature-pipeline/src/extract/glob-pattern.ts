/** Whether a path contains glob syntax (`*`, `?`, `[`, `{`). */
export function hasGlob(path: string): boolean {
  return /[*?[{]/.test(path);
}

/** The part of a glob before its first glob character (a folder or key prefix to list from). */
export function globPrefix(glob: string): string {
  const index = glob.search(/[*?[{]/);
  return index < 0 ? glob : glob.slice(0, index);
}

/**
 * Compiles a `/`-separated glob to a regular expression over whole paths: `*` and `?` stay within one
 * segment, `**` spans segments (`a/**\/b` also matches `a/b`), `[abc]` / `[!abc]` are classes and `{x,y}`
 * alternatives. Every other character is literal.
 */
export function globToRegExp(glob: string): RegExp {
  let out = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i] as string;
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        out += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else out += '[^/]*';
    } else if (ch === '?') out += '[^/]';
    else if (ch === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) out += '\\[';
      else {
        const body = glob.slice(i + 1, end);
        const negated = body.startsWith('!') || body.startsWith('^');
        const chars = (negated ? body.slice(1) : body).replace(/[\\\]^]/g, '\\$&');
        out += negated ? `[^/${chars}]` : `[${chars}]`;
        i = end;
      }
    } else if (ch === '{') {
      braces++;
      out += '(?:';
    } else if (ch === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (ch === ',' && braces > 0) out += '|';
    else out += ch.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

// What a request cell may never carry into a file: an Authorization header's credentials (the cell is an error
// and is never sent with them) and any secret the session knows (a token pasted anywhere in the cell).
import { maskAuthorization, MASKED } from '../../api/redact';

export function maskCellSecrets(text: string, knownSecrets: readonly string[] = []): string {
  let out = text;
  for (const secret of [...knownSecrets].filter((s) => s.length >= 4).sort((a, b) => b.length - a.length))
    out = out.split(secret).join(MASKED);
  return out.replace(/^([ \t]*Authorization[ \t]*:[ \t]*)(.*)$/gim, (_m, head: string, value: string) =>
    value.trim() === '' ? `${head}${value}` : `${head}${maskAuthorization(value)}`,
  );
}

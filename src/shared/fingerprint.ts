/**
 * A text's fingerprint: the server says which text it located edits in, and the extension applies them
 * only to a document whose text has the same one (a document edited meanwhile is left alone).
 */
import { createHash } from 'node:crypto';

export function textFingerprint(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64');
}

/** SHA-256 of a text, base64: what a Content-Security-Policy hash source holds (the CLI's pages, the steering report). */
import { createHash } from 'node:crypto';

export function sha256Base64(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('base64');
}

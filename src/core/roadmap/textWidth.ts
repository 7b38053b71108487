/**
 * How wide a line of text is drawn, estimated without a browser (the SVG export has none): advance
 * widths of DejaVu Sans, the widest of the usual UI fonts, so an estimate errs long and a label laid
 * out by it fits in Segoe UI, San Francisco, Roboto or DejaVu alike.
 */

/** Advance widths in em of printable ASCII, from the space (0x20) to the tilde (0x7e): DejaVu Sans. */
const ascii = [
  0.318, 0.401, 0.46, 0.838, 0.636, 0.95, 0.78, 0.275, 0.39, 0.39, 0.5, 0.838, 0.318, 0.361, 0.318, 0.337, // space ! " # $ % & ' ( ) * + , - . /
  0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.337, 0.337, 0.838, 0.838, 0.838, 0.531, // 0-9 : ; < = > ?
  1.0, 0.684, 0.686, 0.698, 0.77, 0.632, 0.575, 0.775, 0.752, 0.295, 0.295, 0.656, 0.557, 0.863, 0.748, 0.787, // @ A-O
  0.603, 0.787, 0.695, 0.635, 0.611, 0.732, 0.684, 0.989, 0.685, 0.611, 0.685, 0.39, 0.337, 0.39, 0.838, 0.5, // P-Z [ \ ] ^ _
  0.5, 0.613, 0.635, 0.55, 0.635, 0.615, 0.352, 0.635, 0.634, 0.278, 0.278, 0.579, 0.278, 0.974, 0.634, 0.612, // ` a-o
  0.635, 0.635, 0.411, 0.521, 0.392, 0.634, 0.592, 0.818, 0.592, 0.592, 0.525, 0.636, 0.337, 0.636, 0.838, // p-z { | } ~
];

/** Width in em of one character (a code point). */
function charWidth(code: number): number {
  if (code >= 0x20 && code <= 0x7e) return ascii[code - 0x20];
  if (code === 0x2026) return 1;
  // East Asian wide characters and emoji take a whole em (or more: counted as one).
  if (code >= 0x1100 && (code <= 0x115f || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60) || code >= 0x1f000)) return 1;
  // Accented Latin, Greek, Cyrillic and the rest: about a wide capital.
  return 0.8;
}

/** The estimated width in px of `text` at `fontSize` px (whitespace runs count as one space). */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const char of text.replace(/\s+/g, ' ')) em += charWidth(char.codePointAt(0)!);
  return em * fontSize;
}

/**
 * The longest start of `text` that fits in `maxWidth` px at `fontSize`, ending in an ellipsis when cut;
 * '' when fewer than `minChars` characters (the ellipsis included) would fit.
 */
export function fitText(text: string, maxWidth: number, fontSize: number, minChars = 4): string {
  const chars = Array.from(text.replace(/\s+/g, ' '));
  // A whole name that fits is shown, however short.
  if (textWidth(chars.join(''), fontSize) <= maxWidth) return chars.join('');
  const ellipsis = charWidth(0x2026) * fontSize;
  let width = ellipsis;
  let kept = 0;
  while (kept < chars.length && width + charWidth(chars[kept].codePointAt(0)!) * fontSize <= maxWidth) width += charWidth(chars[kept++].codePointAt(0)!) * fontSize;
  // A cut label keeps no trailing space before its ellipsis.
  const start = chars.slice(0, kept).join('').trimEnd();
  return Array.from(start).length + 1 >= minChars ? `${start}…` : '';
}

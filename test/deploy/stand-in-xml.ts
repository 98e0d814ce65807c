/** XML text escaping for the stand-in's answers. Test code only. */

/** Escapes `& < > "` for text and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

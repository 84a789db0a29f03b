// Percent-decoding that never throws: a stray "%" in an old address or a hand-made slug is kept
// as written rather than failing the whole import, build or request.
export function decodedOr(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

// Loose word comparison that tolerates Estonian case endings and English inflection:
// "juhtimise" ~ "juhtimine", "lepingu" ~ "leping", "Kasutajakogemuse" ~ "kasutajakogemus".
// Both arguments must already be lowercase.

export function sameStem(a: string, b: string): boolean {
  if (a === b) return true;
  const shorter = a.length <= b.length ? a : b;
  const longer = a.length <= b.length ? b : a;
  if (longer.length - shorter.length > 6) return false;
  let p = 0;
  // Code units, not one-character strings (which a[p] makes for characters past Latin-1).
  while (p < shorter.length && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  return p >= 3 && p >= shorter.length - 3;
}

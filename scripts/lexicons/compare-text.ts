/** Orders strings by UTF-16 code units, so the order is the same under every locale. */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;

  return a < b ? -1 : 1;
}

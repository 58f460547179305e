/**
 * Connected components of an undirected graph given as node ids and linked pairs
 * (union–find with path halving). Components and their members keep the order of `ids`;
 * pairs naming unknown ids are ignored. Internal helper.
 *
 * @example
 * connectedComponents(['a', 'b', 'c'], [['c', 'a']]) // => [['a', 'c'], ['b']]
 */
export function connectedComponents(ids: readonly string[], pairs: readonly (readonly [string, string])[]): string[][] {
  const index = new Map(ids.map((id, i) => [id, i]));
  const parent = ids.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (const [a, b] of pairs) {
    const i = index.get(a);
    const j = index.get(b);
    if (i === undefined || j === undefined) continue;
    const [ri, rj] = [root(i), root(j)];
    if (ri !== rj) parent[Math.max(ri, rj)] = Math.min(ri, rj);
  }
  const groups = new Map<number, string[]>();
  ids.forEach((id, i) => {
    const r = root(i);
    groups.set(r, [...(groups.get(r) ?? []), id]);
  });
  return [...groups.values()];
}

/** A point (x, y) in px. */
export type Point = readonly [number, number];

/**
 * Clips a convex or concave simple polygon to the vertical strip x0 ≤ x ≤ x1
 * (Sutherland–Hodgman against two edges), so shaded regions stop at the plot's edges without an
 * SVG clipPath (whose ids could clash when several plots sit in one HTML page).
 *
 * @example
 * clipPolygonToStrip([[0, 0], [10, 0], [10, 10]], 0, 5); // => [[5, 5], [0, 0], [5, 0]]
 */
export function clipPolygonToStrip(points: readonly Point[], x0: number, x1: number): Point[] {
  const left = clipEdge(points, (p) => p[0] >= x0, x0);
  return clipEdge(left, (p) => p[0] <= x1, x1);
}

function clipEdge(points: readonly Point[], inside: (p: Point) => boolean, x: number): Point[] {
  const out: Point[] = [];
  for (let i = 0; i < points.length; i++) {
    const cur = points[i]!;
    const prev = points[(i + points.length - 1) % points.length]!;
    const [ci, pi] = [inside(cur), inside(prev)];
    if (ci !== pi) out.push(crossing(prev, cur, x));
    if (ci) out.push(cur);
  }
  return out;
}

function crossing(a: Point, b: Point, x: number): Point {
  const t = (x - a[0]) / (b[0] - a[0]);
  return [x, a[1] + t * (b[1] - a[1])];
}

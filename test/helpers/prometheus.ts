/** The value of one series in Prometheus's text format, e.g. metricValue(text, 'x_total{a="b"}'). */
export function metricValue(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : undefined;
}

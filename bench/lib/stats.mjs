// Robust summaries of a few samples: median, quartiles, median absolute deviation.

export function quantile(values, q) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

export function summarise(values) {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return null;
  const median = quantile(finite, 0.5);
  return {
    n: finite.length,
    median,
    p25: quantile(finite, 0.25),
    p75: quantile(finite, 0.75),
    mad: quantile(finite.map((value) => Math.abs(value - median)), 0.5),
    min: Math.min(...finite),
    max: Math.max(...finite),
  };
}

/** kit / vanilla: the ratio of the medians, and the quartiles of the per-pair ratios (pairs run back to back). */
export function ratio(kitValues, vanillaValues) {
  const kit = summarise(kitValues);
  const vanilla = summarise(vanillaValues);
  if (!kit || !vanilla || vanilla.median === 0) return null;
  const pairs = [];
  for (let i = 0; i < Math.min(kitValues.length, vanillaValues.length); i++) {
    if (Number.isFinite(kitValues[i]) && Number.isFinite(vanillaValues[i]) && vanillaValues[i] > 0) pairs.push(kitValues[i] / vanillaValues[i]);
  }
  return { ofMedians: kit.median / vanilla.median, pairedP25: quantile(pairs, 0.25), pairedP75: quantile(pairs, 0.75) };
}

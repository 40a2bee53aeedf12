/**
 * Area under the ROC curve of scores against 0/1 labels, by the rank-sum (Mann-Whitney U) identity with tied
 * scores sharing their average rank: equal to sklearn `roc_auc_score`. Null when only one class is present.
 */
export function rocAuc(actual: Float64Array, scores: Float64Array): number | null {
  const n = actual.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && scores[order[j + 1]!] === scores[order[i]!]) j++;
    const averageRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (actual[order[k]!] === 1) {
        positives++;
        rankSum += averageRank;
      }
    }
    i = j + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return null;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

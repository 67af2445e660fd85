using Repro.Runtime;
using Repro.Data;
using Repro.Evaluation;

namespace Repro.Tests.Evaluation;

/// <summary>Small helpers to build predictions in tests.</summary>
internal static class EvaluationTestData
{
    public static Prediction P(string id, int label, double pNormal, double pBenign, double pCancer, string? group = null) =>
        new(id, label, new[] { pNormal, pBenign, pCancer }, group);

    /// <summary>A prediction whose cancer probability is <paramref name="pCancer"/>, the rest split evenly.</summary>
    public static Prediction Cancer(string id, int label, double pCancer) =>
        P(id, label, (1 - pCancer) / 2, (1 - pCancer) / 2, pCancer);

    /// <summary>Random but fixed predictions with every class present (for bootstrap and summary tests).</summary>
    public static List<Prediction> Random(int n, ulong seed, bool groups = false)
    {
        var rng = new Xoshiro256StarStar(seed);
        var result = new List<Prediction>();
        for (int i = 0; i < n; i++)
        {
            int label = i % ClassLabels.Count;
            var p = new double[ClassLabels.Count];
            double sum = 0;
            for (int c = 0; c < p.Length; c++) sum += p[c] = rng.NextDouble() + (c == label ? 0.7 : 0);
            for (int c = 0; c < p.Length; c++) p[c] /= sum;
            result.Add(new Prediction($"img{i}", label, p, groups ? $"patient{i / 2}" : null));
        }
        return result;
    }
}

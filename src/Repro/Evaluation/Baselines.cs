using Repro.Runtime;
using Repro.Data;

namespace Repro.Evaluation;

/// <summary>
/// Reference classifiers that every comparison shows beside the models. Each takes the samples to be
/// predicted (their ids, labels and groups; their probabilities are ignored) and returns predictions
/// for <see cref="Metrics.Compute"/>, like a model's.
/// </summary>
public static class Baselines
{
    /// <summary>Predicts Normal for every sample: probability 1 on normal.</summary>
    public static List<Prediction> AllNormal(IReadOnlyList<Prediction> samples) =>
        samples.Select(s => s with { Probabilities = OneHot(ClassLabels.Normal) }).ToList();

    /// <summary>
    /// scikit-learn's <c>DummyClassifier(strategy="stratified")</c>: each sample gets a class drawn at
    /// random with the training class frequencies (<paramref name="trainCounts"/>, in label order), and,
    /// as there, probability 1 on the drawn class. Seeded (xoshiro256**): same seed, same draws.
    /// </summary>
    public static List<Prediction> StratifiedRandom(IReadOnlyList<Prediction> samples, IReadOnlyList<int> trainCounts, ulong seed)
    {
        if (trainCounts.Count != ClassLabels.Count)
            throw new ArgumentException($"expected {ClassLabels.Count} class counts, got {trainCounts.Count}", nameof(trainCounts));
        if (trainCounts.Any(c => c < 0) || trainCounts.Sum() == 0)
            throw new ArgumentException("class counts must be non-negative and not all zero", nameof(trainCounts));
        int total = trainCounts.Sum();
        var rng = new Xoshiro256StarStar(seed);
        var result = new List<Prediction>(samples.Count);
        foreach (var s in samples)
        {
            int r = rng.NextInt(total), label = 0;
            while (r >= trainCounts[label]) r -= trainCounts[label++];
            result.Add(s with { Probabilities = OneHot(label) });
        }
        return result;
    }

    private static double[] OneHot(int label)
    {
        var p = new double[ClassLabels.Count];
        p[label] = 1;
        return p;
    }
}

using static TorchSharp.torch;

namespace Repro.Data.Sampling;

/// <summary>
/// The study's <c>WeightedRandomSampler</c>: each sample gets the weight of its class — by default
/// 1 / (number of samples of that class), so that every class is drawn equally often — and an epoch is
/// <see cref="EpochLength"/> draws <em>with replacement</em>, made by
/// <c>multinomial(weights, n, replacement: true, generator)</c> on the caller's CPU generator, which
/// advances across epochs.
/// </summary>
public sealed class ClassWeightedSampler : ISampler
{
    private readonly Generator _generator;
    private readonly double[] _sampleWeights;
    private readonly int _numSamples;

    /// <summary>
    /// A sampler over samples with <paramref name="labels"/> (0-based class ids).
    /// <paramref name="classWeights"/>: a weight per class (index = label) instead of 1/count;
    /// <paramref name="numSamples"/>: draws per epoch (default: the number of samples).
    /// </summary>
    public ClassWeightedSampler(IReadOnlyList<int> labels, Generator generator,
        IReadOnlyList<double>? classWeights = null, int? numSamples = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(generator);
        if (generator.device.type != TorchSharp.DeviceType.CPU)
            throw new ArgumentException("samplers draw from a CPU generator", nameof(generator));
        if (labels.Count == 0) throw new ArgumentException("no samples to draw from", nameof(labels));
        if (labels.Any(l => l < 0)) throw new ArgumentException("labels must be non-negative", nameof(labels));
        int classes = Math.Max(labels.Max() + 1, classWeights?.Count ?? 0);
        var counts = new int[classes];
        foreach (int l in labels) counts[l]++;
        Counts = counts;

        double[] perClass;
        if (classWeights is null)
        {
            perClass = counts.Select(c => c == 0 ? 0.0 : 1.0 / c).ToArray();
        }
        else
        {
            if (classWeights.Count <= labels.Max())
                throw new ArgumentException($"{classWeights.Count} class weights for labels up to {labels.Max()}", nameof(classWeights));
            if (classWeights.Any(w => w < 0 || !double.IsFinite(w)))
                throw new ArgumentException("class weights must be finite and non-negative", nameof(classWeights));
            perClass = classWeights.ToArray();
        }
        ClassWeights = perClass;
        _sampleWeights = labels.Select(l => perClass[l]).ToArray();
        double total = _sampleWeights.Sum();
        if (!(total > 0)) throw new ArgumentException("all sample weights are zero", nameof(classWeights));
        ExpectedClassShares = Enumerable.Range(0, classes).Select(c => counts[c] * perClass[c] / total).ToArray();

        int n = numSamples ?? labels.Count;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n, nameof(numSamples));
        _numSamples = n;
        _generator = generator;
    }

    /// <summary>Samples per class, index = label.</summary>
    public IReadOnlyList<int> Counts { get; }

    /// <summary>The weight each sample of a class gets, index = label.</summary>
    public IReadOnlyList<double> ClassWeights { get; }

    /// <summary>
    /// The expected fraction of draws that fall in each class: count(c)·w(c) / Σ count·w
    /// (⅓ each for three classes with the default 1/count weights).
    /// </summary>
    public IReadOnlyList<double> ExpectedClassShares { get; }

    /// <inheritdoc />
    public int EpochLength => _numSamples;

    /// <inheritdoc />
    public long[] NextEpoch()
    {
        using var weights = tensor(_sampleWeights, dtype: ScalarType.Float64, device: CPU);
        using var drawn = multinomial(weights, _numSamples, replacement: true, generator: _generator);
        return drawn.data<long>().ToArray();
    }
}

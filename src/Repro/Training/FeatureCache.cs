using System.Security.Cryptography;
using System.Text;
using Repro.Data;
using Repro.Models;
using Repro.Training.Speed;
using Repro.Training.Checkpoints;
using static TorchSharp.torch;

namespace Repro.Training;

/// <summary>
/// Frozen-backbone features of every split, computed once in eval mode (no augmentation), so that only
/// the head trains: with a frozen backbone and BatchNorm in eval, the backbone's output for an image never
/// changes, and recomputing it every epoch is wasted work. The features are also kept on disk, keyed by a
/// hash of the backbone's weights and buffers, the data fingerprint, the input pipeline and the device, so that
/// more seeds of the same preset (only the head's seed differs) skip the backbone entirely.
/// </summary>
internal sealed class FeatureCache : IDisposable
{
    private FeatureCache(Tensor train, Tensor val, Tensor test) { Train = train; Val = val; Test = test; }

    /// <summary>Train features <c>[N,F]</c>, in the training set's order.</summary>
    public Tensor Train { get; }
    /// <summary>Validation features.</summary>
    public Tensor Val { get; }
    /// <summary>Test features.</summary>
    public Tensor Test { get; }

    /// <summary>The features of split <paramref name="split"/> (train, val, test).</summary>
    public Tensor For(string split) => split switch
    {
        "train" => Train,
        "val" => Val,
        "test" => Test,
        _ => throw new ArgumentException($"unknown split '{split}'"),
    };

    /// <summary>Version of the code that computes the features (the eval forward pass through
    /// <see cref="ReproModel.Features"/> in batches); part of the key, with the libtorch version.</summary>
    public const int ForwardVersion = 1;

    /// <summary>Runs the backbone over the three splits, or reads the result of an identical earlier run from
    /// <paramref name="cacheDirectory"/> (null: always compute); a damaged cache file is computed again, with a line
    /// in <paramref name="notes"/>.</summary>
    public static FeatureCache Compute(SpeedModel model, InputPipeline input, TensorSet train, TensorSet val, TensorSet test,
        int batchSize, string? cacheDirectory, string dataFingerprint, ICollection<string>? notes = null)
    {
        if (model.Model.FeatureOptions is { } options)
            return FromBank(model, options, input, train, val, test, batchSize, cacheDirectory, dataFingerprint, notes);
        string? path = cacheDirectory is null ? null
            : Path.Combine(cacheDirectory, "features", Key(model.Model, input, train, batchSize, dataFingerprint) + ".features");
        if (path is not null && File.Exists(path))
        {
            try
            {
                // The host copies read from disk live in this scope until the device copies are made.
                using var scope = NewDisposeScope();
                var (_, tensors) = TensorArchive.Read(path);
                var device = train.Images.device;
                return new FeatureCache(tensors["train"].to(device).DetachFromDisposeScope(), tensors["val"].to(device).DetachFromDisposeScope(),
                    tensors["test"].to(device).DetachFromDisposeScope());
            }
            catch (InvalidDataException e)
            {
                notes?.Add($"the cached features {path} were damaged ({e.Message}): computed again");
                File.Delete(path);
            }
        }
        var cache = new FeatureCache(Of(model, input, train, batchSize), Of(model, input, val, batchSize), Of(model, input, test, batchSize));
        if (path is not null)
            TensorArchive.Write(path, "features", new[] { new KeyValuePair<string, Tensor>("train", cache.Train), new("val", cache.Val), new("test", cache.Test) });
        return cache;
    }

    /// <summary>Version of the feature-bank code (<see cref="ReproModel.FeatureBank"/>: every stage's average and max
    /// pool, and the mirror image's); part of a bank's key.</summary>
    public const int BankVersion = 1;

    // A model with feature options: the cache holds its feature bank (every stage pooled both ways, with the mirror
    // image's when the options average over flips), so that options differing only in the stages, the pooling or the
    // head share one backbone pass; the features are selected from the bank. Options without flip averaging also
    // use a bank with the mirror image's columns when there is one.
    private static FeatureCache FromBank(SpeedModel model, Models.FeatureOptions options, InputPipeline input, TensorSet train, TensorSet val,
        TensorSet test, int batchSize, string? cacheDirectory, string dataFingerprint, ICollection<string>? notes)
    {
        string? PathOf(bool flip) => cacheDirectory is null ? null
            : Path.Combine(cacheDirectory, "features", Key(model.Model, input, train, batchSize, dataFingerprint,
                "|" + Runtime.CacheStamp.For("bank", BankVersion) + (flip ? "|flip" : "")) + ".bank");
        Tensor[]? banks = null;
        foreach (bool flip in options.FlipAverage ? new[] { true } : new[] { false, true })
        {
            string? candidate = PathOf(flip);
            if (candidate is null || !File.Exists(candidate)) continue;
            try
            {
                using var scope = NewDisposeScope();
                var (_, tensors) = TensorArchive.Read(candidate);
                var device = train.Images.device;
                banks = new[] { "train", "val", "test" }.Select(n => tensors[n].to(device).DetachFromDisposeScope()).ToArray();
                break;
            }
            catch (InvalidDataException e)
            {
                notes?.Add($"the cached feature bank {candidate} was damaged ({e.Message}): computed again");
                File.Delete(candidate);
            }
        }
        if (banks is null)
        {
            banks = new[] { OfBank(model, input, train, batchSize), OfBank(model, input, val, batchSize), OfBank(model, input, test, batchSize) };
            if (PathOf(options.FlipAverage) is { } path)
                TensorArchive.Write(path, "feature-bank", new[] { new KeyValuePair<string, Tensor>("train", banks[0]), new("val", banks[1]), new("test", banks[2]) });
        }
        try
        {
            using var noGrad = no_grad();
            Tensor Select(Tensor bank)
            {
                using var scope = NewDisposeScope();
                return model.Model.FeaturesFromBank(bank).contiguous().DetachFromDisposeScope();
            }
            return new FeatureCache(Select(banks[0]), Select(banks[1]), Select(banks[2]));
        }
        finally
        {
            foreach (var b in banks) b.Dispose();
        }
    }

    /// <summary>
    /// The features of re-partitioned splits (a cross-validation fold) taken row by row from the features of the
    /// dataset's own splits (<paramref name="origin"/>), which are computed — or read from the cache — exactly as a run
    /// on the original splits computes them, so every fold of a CV shares one backbone pass with that run.
    /// </summary>
    public static FeatureCache ComputeFromOrigin(SpeedModel model, InputPipeline input, TensorSet train, TensorSet val, TensorSet test,
        int batchSize, string? cacheDirectory, SplitOrigin origin, ICollection<string>? notes = null)
    {
        var sets = new[] { train, val, test };
        int pooledCount = origin.Counts.Sum();
        // pooled index → (new split, row), to rebuild the original splits from the new ones
        var where = new (int Split, int Row)[pooledCount];
        for (int s = 0; s < sets.Length; s++)
            for (int r = 0; r < origin.PooledIndex[s].Count; r++) where[origin.PooledIndex[s][r]] = (s, r);
        var offsets = new long[sets.Length];
        for (int s = 1; s < sets.Length; s++) offsets[s] = offsets[s - 1] + sets[s - 1].Count;
        long[] gather = where.Select(w => offsets[w.Split] + w.Row).ToArray();

        FeatureCache original;
        using (var images = cat(sets.Select(s => s.Images).ToArray(), 0))
        using (var labels = cat(sets.Select(s => s.Labels).ToArray(), 0))
        using (var index = tensor(gather, device: images.device))
        using (var pooledImages = images.index_select(0, index))
        using (var pooledLabels = labels.index_select(0, index))
        {
            var ids = where.Select(w => sets[w.Split].Ids[w.Row]).ToArray();
            var paths = where.Select(w => sets[w.Split].Paths[w.Row]).ToArray();
            var originals = new TensorSet[3];
            try
            {
                long start = 0;
                for (int s = 0; s < 3; s++)
                {
                    int n = origin.Counts[s];
                    originals[s] = new TensorSet(DatasetFolder.Splits[s], pooledImages.narrow(0, start, n).clone(), pooledLabels.narrow(0, start, n).clone(),
                        ids[(int)start..((int)start + n)], paths[(int)start..((int)start + n)]);
                    start += n;
                }
                original = Compute(model, input, originals[0], originals[1], originals[2], batchSize, cacheDirectory, origin.Fingerprint, notes);
            }
            finally
            {
                foreach (var o in originals) o?.Dispose();
            }
        }
        using (original)
        using (var all = cat(new[] { original.Train, original.Val, original.Test }, 0))
        {
            Tensor Rows(int s)
            {
                using var idx = tensor(origin.PooledIndex[s].Select(i => (long)i).ToArray(), device: all.device);
                return all.index_select(0, idx).DetachFromDisposeScope();
            }
            return new FeatureCache(Rows(0), Rows(1), Rows(2));
        }
    }

    // Everything the features depend on: the backbone's exact weights and buffers (the head is excluded), the
    // data, the input pipeline, the batch size, the device, the forward code's version and libtorch's.
    private static string Key(ReproModel model, InputPipeline input, TensorSet train, int batchSize, string dataFingerprint, string? bank = null)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, t) in model.state_dict().OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (name.StartsWith("head.", StringComparison.Ordinal)) continue;
            sha.AppendData(Encoding.UTF8.GetBytes(name));
            sha.AppendData(Checkpoints.TensorArchive.HostBytes(t));
        }
        sha.AppendData(Encoding.UTF8.GetBytes($"{dataFingerprint}|{input.EvalDescription}|{batchSize}|{train.Images.device.type}|{train.Count}"));
        sha.AppendData(Encoding.UTF8.GetBytes("|" + Runtime.CacheStamp.For("forward", ForwardVersion)));
        if (bank is not null) sha.AppendData(Encoding.UTF8.GetBytes(bank)); // a feature bank; plain features' keys are unchanged
        return Convert.ToHexStringLower(sha.GetHashAndReset())[..32];
    }

    private static Tensor Of(SpeedModel model, InputPipeline input, TensorSet set, int batchSize) =>
        Collect(model, input, set, batchSize, model.Features);

    private static Tensor OfBank(SpeedModel model, InputPipeline input, TensorSet set, int batchSize) =>
        Collect(model, input, set, batchSize, model.FeatureBank);

    /// <summary><paramref name="forward"/> of every image of <paramref name="set"/> (eval pipeline, batched), concatenated.</summary>
    private static Tensor Collect(SpeedModel model, InputPipeline input, TensorSet set, int batchSize, Func<Tensor, Tensor> forward)
    {
        var parts = new List<Tensor>();
        BatchPrediction.Run(model.Model, set.Count, batchSize,
            (start, count) => forward(input.Eval(set.Images.narrow(0, start, count))),
            (_, _, features) => parts.Add(features.MoveToOuterDisposeScope()));
        var all = cat(parts, 0).DetachFromDisposeScope();
        foreach (var p in parts) p.Dispose();
        return all;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Train.Dispose();
        Val.Dispose();
        Test.Dispose();
    }
}
